import { Type } from '@sinclair/typebox';
import { Exit, defineRule, num, str } from '../define-rule';

const MINUTE = 60_000;

/**
 * Account takeover cash-out: a receiving account added minutes ago, then money sent to it from a
 * device that never applied for the loan. Either half alone is common among owners (a first
 * drawdown right after adding the account; a new phone), so the value counts the halves present:
 * 0, 1, or 2 for the pattern itself. Only for actions that send money out (`actions`).
 */
export const NEW_ACCOUNT_QUICK_MOVE = defineRule({
  code: 'NEW_ACCOUNT_QUICK_MOVE',
  version: 1,
  category: 'identity',
  reads: ['ctx.action', 'ctx.accountAgeMs', 'graph.deviceApplied30d'],
  params: Type.Object(
    {
      actions: Type.Array(Type.String({ minLength: 1 }), {
        default: ['drawdown'],
        description: 'Actions that pay out to the receiving account',
      }),
      maxAccountAgeMs: Type.Number({
        minimum: 0,
        default: 60 * MINUTE,
        description: 'An account younger than this is new',
      }),
    },
    { additionalProperties: false },
  ),
  doc: 'Money sent to a just-added account (1) from a device that never applied (1): 0–2',
  measure(f, p) {
    const action = str(f, 'ctx.action');
    if (action === null) return { exit: Exit.missingFeature };
    if (!p.actions.includes(action)) return { exit: Exit.notApplicable };
    const ageMs = num(f, 'ctx.accountAgeMs');
    const applied = num(f, 'graph.deviceApplied30d');
    if (ageMs === null || applied === null) return { exit: Exit.missingFeature };
    const newAccount = ageMs < p.maxAccountAgeMs ? 1 : 0;
    const strangerDevice = applied <= 0 ? 1 : 0;
    return {
      value: newAccount + strangerDevice,
      evidence: { accountAgeMin: Math.floor(ageMs / MINUTE), deviceApplied30d: applied },
    };
  },
});
