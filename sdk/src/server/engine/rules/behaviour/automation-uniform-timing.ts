import { Type } from '@sinclair/typebox';
import { Exit, defineRule, num } from '../define-rule';
import { behaviourMissing } from './consent-gate';

/**
 * People type with log-normal intervals (coefficient of variation ≈ 0.4–0.9, higher still when
 * they look up an ID card between digits); a script is uniform (CV ≈ 0) and "humanised" machine
 * jitter is narrow (uniform ±30 % noise has CV = 0.6/√12 ≈ 0.17). The value is the pooled CV and
 * the bands sit between the two. A sample CV is noisy, so the rule abstains below `minSamples`:
 * at 20 intervals a fixed cut at 0.22 flags 0.3 % of typists with σ = 0.4 (CV 0.42) and 99.8 % of
 * ±30 % jitter; at the 50+ intervals of a full application both rates reach ~0 and 100 %.
 */
export const AUTOMATION_UNIFORM_TIMING = defineRule({
  code: 'AUTOMATION_UNIFORM_TIMING',
  version: 1,
  category: 'behaviour',
  reads: [
    'behaviour.present',
    'behaviour.keyIntervalCv',
    'behaviour.keyIntervalMeanMs',
    'behaviour.keyIntervalSamples',
  ],
  params: Type.Object(
    {
      minSamples: Type.Integer({ minimum: 2, default: 20, description: 'Input intervals needed to judge' }),
    },
    { additionalProperties: false },
  ),
  doc: 'Coefficient of variation of input intervals (people ≈ 0.4–0.9; scripts ≈ 0, machine jitter ≈ 0.17)',
  measure(f, p) {
    const absent = behaviourMissing(f);
    if (absent) return absent;
    const samples = num(f, 'behaviour.keyIntervalSamples');
    const meanMs = num(f, 'behaviour.keyIntervalMeanMs');
    if (samples === null || samples < 0) return { exit: Exit.missingFeature };
    if (samples < p.minSamples) return { exit: Exit.tooLittleData, evidence: { samples } };
    // Events dispatched in one tick have mean 0 and an undefined CV: the most uniform input of all.
    const cv = meanMs === 0 ? 0 : num(f, 'behaviour.keyIntervalCv');
    if (cv === null || cv < 0) return { exit: Exit.missingFeature };
    return { value: cv, evidence: { samples, meanMs } };
  },
});
