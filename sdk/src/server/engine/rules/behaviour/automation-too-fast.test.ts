import { describeRuleCases } from '../test-rule-cases';
import { AUTOMATION_TOO_FAST as rule } from './automation-too-fast';

const form = (
  meanIntervalMs: number | null,
  samples: number | null,
  fieldsFilled: number | null,
  sinceLaunchMs: number | null,
) => ({
  'behaviour.present': true,
  'behaviour.keyIntervalMeanMs': meanIntervalMs,
  'behaviour.keyIntervalSamples': samples,
  'behaviour.fieldsFilled': fieldsFilled,
  'behaviour.sinceLaunchMs': sinceLaunchMs,
});

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'typing 4× faster than the floor',
    features: form(15, 60, 6, 90_000),
    value: 4,
    evidence: { meanIntervalMs: 15, samples: 60 },
  },
  { kind: 'hit', name: 'whole form in 2 s for 6 fields', features: form(200, 60, 6, 2_000), value: 3 },
  { kind: 'hit', name: 'zero intervals are capped, not infinite', features: form(0, 40, 5, 60_000), value: 100 },
  { kind: 'hit', name: 'everything pasted: only the form time judges', features: form(null, 0, 4, 1_000), value: 4 },
  { kind: 'no hit', name: 'fast human thumbs', features: form(110, 60, 6, 45_000), value: 0.55 },
  { kind: 'no hit', name: 'slow elderly typist', features: form(1_500, 70, 6, 900_000), value: 0.04 },
  {
    kind: 'no hit',
    name: 'floor raised by params, still human',
    features: form(250, 60, 6, 60_000),
    params: { minIntervalMs: 100 },
    value: 0.4,
  },
  {
    kind: 'exit',
    name: 'too few intervals and no field filled',
    features: form(10, 3, 0, 500),
    exit: 'TOO_LITTLE_DATA',
  },
  { kind: 'exit', name: 'behaviour not consented', features: { 'behaviour.present': false }, exit: 'MISSING_FEATURE' },
]);
