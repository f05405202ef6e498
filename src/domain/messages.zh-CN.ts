import type { BusinessPurpose } from './validators/loan-limits';

/**
 * Every user-facing string of the domain layer, zh-CN. Codes are stable API; texts may be reworded.
 * Parameterised messages are functions so the wording stays in this file.
 */
export const zhCN = {
  // money / programming errors surfaced as DomainError
  MONEY_NOT_SAFE_INTEGER: (name: string) => `${name}必须是以“分”为单位的整数金额`,
  MONEY_NEGATIVE: (name: string) => `${name}不能为负数`,
  MONEY_BAD_YUAN_STRING: '金额格式不正确，最多保留两位小数，例如 1234.56',
  RATE_BAD_FORMAT: '利率格式不正确，应为小数字符串（如 "0.0435"）或整数基点',
  RATE_NEGATIVE: '利率不能为负数',
  DATE_BAD_FORMAT: (value: string) => `日期格式不正确：${value}，应为 YYYY-MM-DD`,
  TERM_NOT_POSITIVE: '期数必须是正整数',
  SCHEDULE_EMPTY: '还款计划为空',
  PRINCIPAL_NOT_POSITIVE: '本金必须大于0',
  SCHEDULE_PERIODS_NOT_CONTIGUOUS: '还款计划的期数必须从1开始连续编号',
  IRR_NO_SIGN_CHANGE: '现金流中必须同时包含流入和流出，无法计算年化利率',
  IRR_NOT_FOUND: '无法求解内部收益率',
  REVOLVING_EVENTS_UNSORTED: '借款/还款记录必须按日期先后排列',
  REVOLVING_OVERPAY: '还款金额超过当前借款余额',
  REVOLVING_DATE_BEFORE_START: '记录日期早于计息起始日',

  // prepayment
  PREPAY_DATE_BEFORE_LAST_DUE: '还款日期不能早于上次还款日（或放款日），请选择该日或之后的日期',
  PREPAY_HAS_OVERDUE: '该日期前有未还的到期款项，请先归还逾期/到期款项',
  PREPAY_NOTHING_OUTSTANDING: '该笔贷款已结清，无需提前还款',
  PREPAY_AMOUNT_NOT_POSITIVE: '提前还款金额必须大于0',
  PREPAY_AMOUNT_TOO_LARGE: '部分提前还款金额须小于剩余本金；如需全部结清，请选择“全部提前还款”',
  PREPAY_OPTION_UNSUPPORTED: '先息后本的贷款部分提前还款后只能选择“减少月供”',
  PREPAY_BAD_PAID_THROUGH: '已还期数不正确',

  // deferral
  DEFERRAL_MONTHS_NOT_POSITIVE: '延期月数必须是正整数',
  DEFERRAL_EXCEEDS_POLICY_CAP: (cap: number) => `申请的延期超过政策上限（最长${cap}个月），请缩短延期期限`,
  DEFERRAL_NEW_TERM_NOT_LONGER: '新的还款期数必须长于剩余期数',
  DEFERRAL_NOTHING_OUTSTANDING: '该笔贷款已结清，无需延期',
  DEFERRAL_BAD_PAID_THROUGH: '已还期数不正确',

  // resident ID (GB 11643-1999)
  ID_EMPTY: '请输入身份证号码',
  ID_LENGTH: '身份证号码应为18位（旧版为15位），请核对位数',
  ID_CHARS: '身份证号码只能由数字组成，18位号码的最后一位可以是X',
  ID_REGION: '身份证号码前6位地区码无效，请核对',
  ID_BIRTH_DATE: '身份证号码中的出生日期无效，请核对',
  ID_BIRTH_FUTURE: '身份证号码中的出生日期晚于今天，请核对',
  ID_CHECKSUM: '身份证号码校验位不正确，可能有数字输错，请逐位核对',

  // unified social credit code (GB 32100-2015)
  USCC_EMPTY: '请输入统一社会信用代码',
  USCC_LENGTH: '统一社会信用代码应为18位，请核对位数',
  USCC_CHARS: '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z），请核对',
  USCC_CHECKSUM: '统一社会信用代码校验位不正确，可能有字符输错，请对照营业执照逐位核对',

  // bank card
  BANK_CARD_EMPTY: '请输入银行卡号',
  BANK_CARD_CHARS: '银行卡号只能包含数字',
  BANK_CARD_LENGTH: '银行卡号应为12至19位数字，请核对',
  BANK_CARD_LUHN_WARNING: '卡号校验未通过，请再次核对卡号；若确认无误可继续',

  // mobile
  MOBILE_EMPTY: '请输入手机号码',
  MOBILE_CHARS: '手机号码只能包含数字',
  MOBILE_LENGTH: '手机号码应为11位数字',
  MOBILE_COUNTRY: '目前仅支持中国大陆手机号码（+86）',
  MOBILE_SEGMENT: '该号段不是有效的中国大陆手机号段，请核对',
  MOBILE_DATA_ONLY: '该号码为物联网或数据卡号段，无法接收短信，请使用手机号码',

  // loan limits
  LOAN_AMOUNT_NOT_INTEGER_FEN: '借款金额格式不正确',
  LOAN_AMOUNT_TOO_LOW: (min: string) => `借款金额不能低于${min}`,
  LOAN_AMOUNT_TOO_HIGH: (max: string) => `借款金额不能高于${max}`,
  LOAN_AMOUNT_OVER_AVAILABLE: (available: string) => `借款金额超过可用额度${available}`,
  LOAN_AMOUNT_STEP: (step: string) => `借款金额须为${step}的整数倍`,
  LOAN_TERM_INVALID: (allowed: string) => `借款期限只能选择${allowed}个月`,
  PURPOSE_EMPTY: '请选择借款用途',
  PURPOSE_UNKNOWN: '请从列表中选择借款用途',
  PURPOSE_HOUSING: '贷款资金不得用于购房或支付购房首付',
  PURPOSE_SECURITIES: '贷款资金不得用于股票、证券、期货、理财等投资',
  PURPOSE_PROHIBITED: '该用途不符合经营贷款的用途规定',

  // labels shown with numbers
  LABEL_BASIS_ACT360: '按实际天数计息，一年按360天计算',
  LABEL_BASIS_ACT365: '按实际天数计息，一年按365天计算',
  LABEL_MONTHLY_30_360: '按月计息，月利率 = 年利率 ÷ 12',
  LABEL_ROUNDING: '每期利息四舍五入至分，最后一期轧差',
  LABEL_APR_IRR: '年化利率（按IRR计算）',
  LABEL_SIMPLE_RATE: '年化利率（单利）',
} as const;

export type MessageCode = keyof typeof zhCN;

/** Names of amount fields, used inside messages such as MONEY_NOT_SAFE_INTEGER. */
export const fieldNamesZhCN = {
  amount: '金额',
  principal: '本金',
  fee: '费用',
  overduePrincipal: '逾期本金',
  prepayment: '提前还款金额',
} as const;
export type FieldName = keyof typeof fieldNamesZhCN;

/** Units in display strings. */
export const unitsZhCN = {
  wan: (n: string) => `${n}万元`,
  yuan: (n: string) => `${n}元`,
} as const;

/** Labels of the business purposes a borrower may choose (借款用途). */
export const purposeLabelsZhCN: Record<BusinessPurpose, string> = {
  INVENTORY: '采购原材料或商品',
  WORKING_CAPITAL: '日常经营周转',
  EQUIPMENT: '购置或维修经营设备',
  PAYROLL: '支付员工工资',
  BUSINESS_RENT: '支付经营场所租金',
  UTILITIES_AND_TAX: '支付水电费及税费',
  MARKETING: '市场推广',
  RESUMPTION: '复工复产',
};

/** Complaint categories (complaint-categories.ts): the app's form, the bank's notices, the console's queue. */
export const complaintCategoriesZhCN = {
  decision: '审批结果与额度',
  fees: '利息与费用',
  repayment: '还款与扣款',
  collection: '催收方式',
  privacy: '个人信息保护',
  fraud: '疑似诈骗或身份冒用',
  service: '服务态度与质量',
  other: '其他',
} as const;
