import { Type } from '@sinclair/typebox';
import { Exit, defineRule, num } from '../define-rule';
import { behaviourMissing } from './consent-gate';

/**
 * Faster than any person: how many times below the human floor the input went, on the more
 * damning of two measures (≥ 1 = faster than a person can; 0 … 1 = human speed):
 *  - typing: the mean interval between input events within fields (fast thumbs on a phone stay
 *    above ~100 ms a character; the floor is 60 ms). Intervals, not `msPerChar`: a pasted account
 *    number counts as characters entered in no time, and one-character fields have no span, so
 *    per-character time would make a genuine paste or a short field look superhuman.
 *  - the whole form: launch to action under `minMsPerField` per filled field (a person needs to
 *    open the page, tap each field and type).
 * A slow elderly typist (seconds per key, minutes per form) sits far below 1 on both. The factor
 * is capped so a zero interval stays a finite number.
 */
export const AUTOMATION_TOO_FAST = defineRule({
  code: 'AUTOMATION_TOO_FAST',
  version: 1,
  category: 'behaviour',
  reads: [
    'behaviour.present',
    'behaviour.keyIntervalMeanMs',
    'behaviour.keyIntervalSamples',
    'behaviour.fieldsFilled',
    'behaviour.sinceLaunchMs',
  ],
  params: Type.Object(
    {
      minIntervalMs: Type.Number({
        exclusiveMinimum: 0,
        default: 60,
        description: 'Human floor of the mean input interval, ms',
      }),
      minSamples: Type.Integer({
        minimum: 1,
        default: 10,
        description: 'Input intervals needed to judge typing speed',
      }),
      minMsPerField: Type.Number({
        exclusiveMinimum: 0,
        default: 1000,
        description: 'Human floor of launch-to-action time per filled field, ms',
      }),
      maxFactor: Type.Number({ minimum: 1, default: 100, description: 'Cap of the value' }),
    },
    { additionalProperties: false },
  ),
  doc: 'Times faster than the human floor (input interval or whole-form time); ≥ 1 is faster than a person',
  measure(f, p) {
    const absent = behaviourMissing(f);
    if (absent) return absent;
    const meanMs = num(f, 'behaviour.keyIntervalMeanMs');
    const samples = num(f, 'behaviour.keyIntervalSamples');
    const fieldsFilled = num(f, 'behaviour.fieldsFilled');
    const sinceLaunchMs = num(f, 'behaviour.sinceLaunchMs');
    // floor / observed, capped: a zero interval (or a crafted 1e308 field count) stays finite.
    const factor = (floor: number, observed: number) => {
      const r = observed > 0 ? floor / observed : p.maxFactor;
      return Number.isFinite(r) ? Math.min(r, p.maxFactor) : p.maxFactor;
    };
    const typing =
      meanMs !== null && samples !== null && samples >= p.minSamples ? factor(p.minIntervalMs, meanMs) : null;
    const formFloorMs = fieldsFilled !== null && fieldsFilled >= 1 ? fieldsFilled * p.minMsPerField : null;
    const form = formFloorMs !== null && sinceLaunchMs !== null ? factor(formFloorMs, sinceLaunchMs) : null;
    if (typing === null && form === null) return { exit: Exit.tooLittleData };
    const value = Math.round(Math.max(typing ?? 0, form ?? 0) * 100) / 100;
    return { value, evidence: { meanIntervalMs: meanMs, samples, fieldsFilled, sinceLaunchMs } };
  },
});
