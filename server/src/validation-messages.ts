/**
 * zh-CN messages for schema (AJV) validation failures. A message names the field as the screen
 * does, says the allowed length, range, values or format, and what to do — never a body key such as
 * `name` or `amountFen`, which the owner cannot act on.
 */

/** Body, query and path keys → the field's name on screen. Keyed by `route url|field` for the few ambiguous keys. */
const FIELD_NAMES: Record<string, string> = {
  '/api/enterprises|name': '企业名称',
  '/api/customer|name': '姓名',
  name: '名称',
  idNumber: '身份证号码',
  phone: '手机号码',
  smsCode: '短信验证码',
  code: '验证码',
  uscc: '统一社会信用代码',
  legalRepName: '法定代表人姓名',
  authorisationRef: '法定代表人授权书编号',
  industry: '所属行业',
  registrationDate: '成立日期',
  employees: '员工人数',
  annualRevenueFen: '年营业收入',
  enterpriseId: '企业',
  amountFen: '借款金额',
  principalFen: '本金',
  limitFen: '额度',
  interestFen: '利息',
  termMonths: '借款期限',
  method: '还款方式',
  purpose: '借款用途',
  annualRate: '年利率',
  startDate: '起息日期',
  dueDate: '还款日期',
  date: '日期',
  dayCount: '计息方式',
  expectedAmountFen: '应还金额',
  overduePrincipalFen: '逾期本金',
  paidThroughPeriod: '已还期数',
  fees: '费用',
  subject: '主题',
  description: '描述',
  text: '内容',
  answer: '回答',
  accountNo: '银行账号',
  holderName: '账户名',
  bankName: '开户银行',
  option: '方案',
  reason: '原因',
  note: '说明',
  summary: '摘要',
  category: '类别',
  applicationId: '申请编号',
  password: '密码',
  username: '用户名',
};

/** The screen name of a field, e.g. `name` on /api/enterprises → 企业名称; unknown keys → 该字段. */
export function fieldLabel(field: string | undefined, routeUrl?: string): string {
  if (!field) return '该字段';
  const key = field.split('.').pop() ?? field;
  return FIELD_NAMES[`${routeUrl ?? ''}|${key}`] ?? FIELD_NAMES[key] ?? '该字段';
}

/** Fen limits are shown in yuan (the unit the owner types), other limits as they are. */
function limitText(field: string | undefined, limit: number): string {
  if (field && /Fen$/.test(field)) {
    return `${(limit / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}元`;
  }
  return String(limit);
}

export interface AjvFailure {
  keyword: string;
  params: Record<string, unknown>;
}

/** One AJV failure → a zh-CN sentence: which field, what is allowed, what to do. */
export function validationMessageZh(failure: AjvFailure | undefined, field: string | undefined, routeUrl?: string) {
  const label = fieldLabel(field, routeUrl);
  const p = failure?.params ?? {};
  const limit = typeof p.limit === 'number' ? p.limit : undefined;
  switch (failure?.keyword) {
    case 'required':
      return `请填写${label}后再提交`;
    case 'additionalProperties':
      return '提交的内容包含本应用不支持的项目，请刷新页面后重试';
    case 'type':
      return `${label}格式不正确，请检查后重新填写`;
    case 'maxLength':
      return `${label}最多${limit}个字符，请缩短后重试`;
    case 'minLength':
      return limit === 1 ? `请填写${label}后再提交` : `${label}至少${limit}个字符，请补充后重试`;
    case 'maximum':
    case 'exclusiveMaximum':
      return limit === undefined
        ? `${label}超出允许范围，请修改后重试`
        : `${label}不能${failure.keyword === 'maximum' ? '高于' : '达到'}${limitText(field, limit)}，请修改后重试`;
    case 'minimum':
    case 'exclusiveMinimum':
      return limit === undefined
        ? `${label}超出允许范围，请修改后重试`
        : `${label}不能${failure.keyword === 'minimum' ? '低于' : '等于或低于'}${limitText(field, limit)}，请修改后重试`;
    case 'enum':
    case 'const':
      return `${label}不在可选范围内，请从列表中重新选择`;
    case 'maxItems':
      return `${label}最多${limit}项，请减少后重试`;
    default:
      return `${label}格式不正确，请检查后重新填写`;
  }
}
