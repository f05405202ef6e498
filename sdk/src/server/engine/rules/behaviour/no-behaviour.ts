import { Type } from '@sinclair/typebox';
import { Exit, bool, defineRule } from '../define-rule';

/**
 * The customer declined the behaviour level of consent (flag 1). Informational: declining is a
 * right, so the weight stays small, but a gang that declines to dodge the automation rules should
 * not get a clean sheet either. Without a token there is no consent state to read: exit.
 */
export const NO_BEHAVIOUR = defineRule({
  code: 'NO_BEHAVIOUR',
  version: 1,
  category: 'behaviour',
  reads: ['ctx.hasToken', 'behaviour.present'],
  params: Type.Object({}, { additionalProperties: false }),
  doc: 'Behaviour consent not granted: no behaviour summary in the token (1 = absent)',
  measure(f) {
    if (bool(f, 'ctx.hasToken') === false) return { exit: Exit.notApplicable };
    const present = bool(f, 'behaviour.present');
    if (present === null) return { exit: Exit.missingFeature };
    return { value: present ? 0 : 1 };
  },
});
