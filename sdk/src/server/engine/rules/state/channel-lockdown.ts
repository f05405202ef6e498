import { Type } from '@sinclair/typebox';
import type { Measurement } from '../../types';
import { Exit, defineRule, str } from '../define-rule';

/** Severity of each lockdown condition; the rule set's bands turn 1 and 2 into forced outcomes. */
const LEVEL: ReadonlyMap<string, number> = new Map([
  ['none', 0],
  ['review', 1],
  ['reject', 2],
]);

/**
 * The surge detector's condition on the launch channel: 0 none, 1 review, 2 reject. The rule only
 * measures; the detector (or staff) sets the condition and the bands force the outcome. An unknown
 * condition exits rather than guessing either way.
 */
export const CHANNEL_LOCKDOWN = defineRule({
  code: 'CHANNEL_LOCKDOWN',
  version: 1,
  category: 'channel',
  reads: ['channel.lockdown', 'ctx.channel'],
  params: Type.Object({}, { additionalProperties: false }),
  doc: "Lockdown condition on the request's channel: 0 none, 1 review, 2 reject",
  // Annotated: TypeScript would widen the union of literal evidences past `Evidence`.
  measure(f): Measurement {
    const mode = str(f, 'channel.lockdown');
    if (mode === null) return { exit: Exit.missingFeature };
    const level = LEVEL.get(mode);
    if (level === undefined) return { exit: 'UNKNOWN_CONDITION', evidence: { mode } };
    return { value: level, evidence: { mode, channel: str(f, 'ctx.channel') } };
  },
});
