/**
 * The app's screens as the behaviour models see them: page names from `useRiskPage`, risk field ids
 * from src/services/risk/fields.ts, and the lengths of what goes in them for this applicant.
 */
import type { ScreenPlan } from '../behaviour/model';
import type { Identity } from '../identity/pools';

export function screens(id: Identity, amountYuan: number) {
  const { person, enterprise } = id;
  return {
    consent: { route: 'consent', fields: [], taps: 3, reading: true },
    login: { route: 'login', fields: [], taps: 1 },
    phone: { route: 'login', fields: [{ id: 'phone', length: person.phone.length, kind: 'digits' }], taps: 1 },
    smsCode: { route: 'login', fields: [{ id: 'smsCode', length: 6, kind: 'code' }], taps: 1 },
    realName: {
      route: 'real-name',
      fields: [
        { id: 'name', length: person.name.length, kind: 'text' },
        { id: 'idNumber', length: person.idNumber.length, kind: 'digits' },
      ],
      taps: 2,
    },
    enterprise: {
      route: 'enterprise',
      fields: [
        { id: 'uscc', length: enterprise.uscc.length, kind: 'digits' },
        { id: 'enterpriseName', length: enterprise.name.length, kind: 'text' },
      ],
      taps: 4, // industry and date pickers, authorisation box, submit
    },
    estimate: { route: 'apply.estimate', fields: [], taps: 2 },
    application: {
      route: 'apply.application',
      fields: [{ id: 'amount', length: String(amountYuan).length, kind: 'digits' }],
      taps: 4, // term, method, purpose, submit
    },
    contract: { route: 'apply.contract', fields: [], taps: 2, reading: true },
    contractCode: { route: 'apply.contract', fields: [{ id: 'contractSmsCode', length: 6, kind: 'code' }], taps: 1 },
    account: {
      route: 'apply.drawdown',
      fields: [{ id: 'accountNo', length: person.cardNo.length, kind: 'digits' }],
      taps: 2,
    },
    drawdown: { route: 'apply.drawdown', fields: [], taps: 2 },
    repay: { route: 'loan.repay', fields: [], taps: 2 },
  } satisfies Record<string, ScreenPlan>;
}
