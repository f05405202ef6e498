// Strings of the main package's servicing screens (我的贷款 tab, the home screen's summary and
// pending applications). The loan detail, repayment and deferral screens' strings are in
// servicing.ts, which the subpackages alone import — see ./entry.ts.
import { plainAprBasis } from './plain';

export const servicingEntry = {
  status: {
    active: '还款中',
    overdue: '已逾期',
    settled: '已结清',
    renewed: '已续贷',
  } as Record<string, string>,
  list: {
    signedOutTitle: '登录后查看您的贷款',
    signedOutHint: '登录后可查看还款计划、按期还款、申请延期或续贷',
    loginCta: '登录 / 注册',
    groupOverdue: '已逾期',
    groupActive: '还款中',
    groupSettled: '已结清',
    loading: '正在加载您的贷款…',
  },
  card: {
    principal: '借款金额',
    apr: '年化利率',
    aprValue: (percent: string, basis: string) => `${percent}（${plainAprBasis(basis)}）`,
    nextDue: '下期还款',
    nextDueValue: (date: string, amount: string) => `${date} 应还 ${amount}`,
    overdueAmount: '逾期应还（含罚息）',
    overduePenalty: (penalty: string, periods: number) => `其中罚息 ${penalty}，共逾期 ${periods} 期`,
    outstanding: '剩余本金',
    settledAt: (date: string) => `${date} 已结清`,
    deferred: '已延期',
    open: '查看详情',
  },
  pending: {
    title: '审核中的申请',
    status: '审核中',
    applicationNo: '申请编号',
    summary: (amount: string, months: number) => `申请金额 ${amount}，期限 ${months} 个月`,
    submittedAt: (date: string) => `${date} 提交`,
    next: '银行正在人工核实，一般 1 个工作日内给出结果；结果会通过“消息通知”告诉您，无需重复申请。',
    open: '查看审核进度',
  },
  home: {
    loading: '正在查询您的贷款…',
    noLoans: '您目前没有待还的贷款',
    nextDue: (date: string) => `下期还款日 ${date}`,
    nextDueAmount: '应还金额',
    overdueWarning: (count: number, amount: string) =>
      `您有 ${count} 笔贷款已逾期，应还 ${amount}（含罚息）。逾期期间每天计收罚息，请尽快还款。`,
    repayNow: '去还款',
    allLoans: '查看全部贷款',
  },
} as const;
