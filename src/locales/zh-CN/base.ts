// App-wide strings (brand, home, tabs, errors, common words). Journey strings live beside this
// file, one module per journey; index.ts merges them into `zhCN`.
export const base = {
  app: {
    name: '零接',
    tagline: '小微企业主的线上经营贷 · 全程不用跑网点',
  },
  home: {
    productName: '经营快贷（信用贷）',
    rateLabel: '年化利率',
    rateBasis: '单利',
    rateNote: '利率以审批结果为准',
    limitLabel: '额度',
    termLabel: '期限',
    termValue: (range: string) => `${range} 个月`,
    estimateCta: '测一测我的额度',
    estimateHint: '测额不是审批，不影响征信',
    loansTitle: '我的贷款',
    loansLoggedOut: '登录后可查看贷款和还款计划',
    loginCta: '登录 / 注册',
    elderModeOn: '已开启长辈模式',
    elderModeOff: '长辈模式',
    antiScam: '本行不会收取任何放款前费用，凡要求先交钱的都是诈骗。',
  },
  loans: {
    title: '我的贷款',
    empty: '您还没有贷款',
    emptyHint: '申请获批并支用后，贷款会显示在这里',
    applyCta: '去申请',
  },
  me: {
    title: '我的',
    elderMode: '长辈模式',
    elderModeHint: '字更大、按钮更大，无弹窗',
    consent: '隐私与授权管理',
    notices: '消息通知',
    settings: '设置',
    service: '投诉与人工服务',
  },
  areas: {
    consent: {
      title: '隐私与授权',
      body: '逐项说明我们收集什么、为什么收集，每项单独勾选、随时可撤回。未同意前不收集任何信息。',
    },
    login: { title: '登录', body: '微信授权登录并验证手机号（沙箱环境使用模拟验证码）。' },
    realName: { title: '实名认证', body: '填写姓名和身份证号，完成人脸核验。', step: 1 },
    enterprise: { title: '企业信息', body: '填写统一社会信用代码、企业名称、法定代表人等信息。', step: 2 },
    authorisations: { title: '数据授权', body: '逐项授权个人征信、企业征信、税务和发票数据，可随时撤回。', step: 3 },
    estimate: { title: '测额', body: '根据授权数据估算可贷额度范围。测额不是审批结果。', step: 4 },
    application: { title: '申请贷款', body: '选择金额、期限和还款方式，实时预览还款计划和年化利率。', step: 5 },
    decision: { title: '审批结果', body: '查看审批结果、额度、年化利率和合同要点。' },
    contract: { title: '合同签署', body: '阅读重点条款，短信验证码确认签署。' },
    drawdown: { title: '支用', body: '选择支用金额和收款账户，预览还款计划。' },
    loanDetail: { title: '贷款详情', body: '完整还款计划：每期本金、利息、剩余本金。' },
    repay: { title: '还款', body: '按期还款、逾期还款、提前还款（全部或部分）。' },
    deferral: { title: '延期与续贷', body: '申请延期还本付息或无还本续贷，预览对还款计划的影响。' },
    notices: { title: '消息通知', body: '还款提醒、逾期提醒、政策通知和防诈骗提示。' },
    contracts: { title: '合同存档', body: '已签署的合同和授权书，可随时查看。' },
    service: { title: '投诉与人工服务', body: '对审批结果有异议可申请人工复核；也可在此投诉或联系人工客服。' },
    settings: { title: '设置', body: '长辈模式、授权管理、合同存档、投诉与人工服务。' },
  },
  errors: {
    network: '网络连接失败，请检查网络后重试',
    server: '服务暂时不可用，请稍后再试；如多次失败，请联系客服',
    sessionExpired: '登录已过期，请重新登录',
    generic: '操作未成功，请检查填写内容后重试',
  },
  common: {
    stepOf: (step: number, total: number) => `第${step}步 / 共${total}步`,
    comingSoon: '该页面的完整功能将在后续版本开放',
    loading: '正在加载…',
    retry: '重试',
    submitting: '正在提交…',
    back: '返回',
  },
} as const;

export type AreaKey = keyof typeof base.areas;
export const ONBOARDING_STEPS = 5;
