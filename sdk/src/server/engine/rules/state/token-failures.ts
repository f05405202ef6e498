import { Type } from '@sinclair/typebox';
import { Exit, defineRule, num } from '../define-rule';

/**
 * Replayed, tampered or forged tokens that the verifier refused, from this IP or this device in
 * the last hour; the value is the larger count. A genuine client fails rarely (a clock far off, a
 * network retry), so the bands start above a couple. Either count alone is enough to measure.
 */
export const TOKEN_FAILURES = defineRule({
  code: 'TOKEN_FAILURES',
  version: 1,
  category: 'protocol',
  reads: ['failures.ip1h', 'failures.device1h'],
  params: Type.Object({}, { additionalProperties: false }),
  doc: 'Refused tokens in the last hour: the larger of the IP and device counts',
  measure(f) {
    const valid = (n: number | null) => (n !== null && n >= 0 ? n : null);
    const ip1h = valid(num(f, 'failures.ip1h'));
    const device1h = valid(num(f, 'failures.device1h'));
    if (ip1h === null && device1h === null) return { exit: Exit.missingFeature };
    return { value: Math.max(ip1h ?? 0, device1h ?? 0), evidence: { ip1h, device1h } };
  },
});
