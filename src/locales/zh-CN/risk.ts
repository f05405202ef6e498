// What the app says when the bank's risk check answers a money move with something other than "go":
// an SMS re-check (step-up), a hold for staff review, or a refusal. The bank's own message comes
// first; these strings say what to do next.
export const risk = {
  stepUp: {
    title: '需要短信验证',
    send: '获取验证码',
    sending: '发送中…',
    resend: '重新获取',
    sent: (phone: string) => `验证码已发送至 ${phone}，5 分钟内有效`,
    codeLabel: '短信验证码',
    codePlaceholder: '请输入 6 位验证码',
    codeInvalid: '请输入 6 位数字验证码',
    verify: '验证并继续',
    verifying: '验证中…',
  },
  held: {
    title: '已转人工审核',
    next: '审核结果会通过“消息通知”告诉您，通常在 1 个工作日内。审核通过后，回到本页重新提交即可，无需再次审核。',
  },
  blocked: {
    title: '本次操作无法完成',
    service: '联系人工服务',
  },
} as const;
