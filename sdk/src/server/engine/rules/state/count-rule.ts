import { Type } from '@sinclair/typebox';
import type { FeatureName } from '../../features/catalog';
import type { ReasonCategory } from '../../types';
import { Exit, defineRule, num } from '../define-rule';

/**
 * Most state rules measure one count the engine store already computed (a velocity window or a
 * graph degree). They differ only in which count and what it means, so each rule file is one
 * call of this; the thresholds are in the rule sets. Counts include the current request.
 * A null count exits: the subject was not given (no resident ID on this action, no device key
 * without a token) or the count is not kept for this action (application velocity on a drawdown).
 */
export function defineCountRule(o: {
  code: string;
  version: number;
  category: ReasonCategory;
  feature: FeatureName;
  /** Window of the count as staff read it ('24h', '7d'), given as evidence for the band text. */
  window: string;
  doc: string;
}) {
  return defineRule({
    code: o.code,
    version: o.version,
    category: o.category,
    reads: [o.feature],
    params: Type.Object({}, { additionalProperties: false }),
    doc: o.doc,
    measure(f) {
      const n = num(f, o.feature);
      return n === null || n < 0 ? { exit: Exit.missingFeature } : { value: n, evidence: { window: o.window } };
    },
  });
}
