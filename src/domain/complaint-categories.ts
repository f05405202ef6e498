/**
 * What a customer can complain about (the app's form, the bank's validation and notices, the staff
 * console's queue): one list, so a category added here reaches all three.
 */
export const COMPLAINT_CATEGORIES = {
  decision: '审批结果与额度',
  fees: '利息与费用',
  repayment: '还款与扣款',
  collection: '催收方式',
  privacy: '个人信息保护',
  fraud: '疑似诈骗或身份冒用',
  service: '服务态度与质量',
  other: '其他',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;
