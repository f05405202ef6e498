import { seededUnit } from '../../../../platform/seeded-random';
import { describeRuleCases, paramsOf } from '../test-rule-cases';
import { AUTOMATION_UNIFORM_TIMING as rule } from './automation-uniform-timing';

const typed = (cv: number | null, samples: number, meanMs: number | null = 240) => ({
  'behaviour.present': true,
  'behaviour.keyIntervalCv': cv,
  'behaviour.keyIntervalSamples': samples,
  'behaviour.keyIntervalMeanMs': meanMs,
});

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'fixed-interval script',
    features: typed(0, 60, 200),
    value: 0,
    evidence: { samples: 60, meanMs: 200 },
  },
  { kind: 'hit', name: 'uniform ±30 % jitter', features: typed(0.17, 60), value: 0.17 },
  { kind: 'hit', name: 'events dispatched in one tick (mean 0, CV undefined)', features: typed(null, 40, 0), value: 0 },
  {
    kind: 'hit',
    name: 'fewer samples accepted by params',
    features: typed(0.05, 8),
    params: { minSamples: 5 },
    value: 0.05,
  },
  { kind: 'no hit', name: 'human typist', features: typed(0.62, 55), value: 0.62 },
  { kind: 'no hit', name: 'slow elderly typist', features: typed(0.85, 70, 1600), value: 0.85 },
  { kind: 'exit', name: 'too few intervals', features: typed(0, 8), exit: 'TOO_LITTLE_DATA', evidence: { samples: 8 } },
  { kind: 'exit', name: 'behaviour not consented', features: { 'behaviour.present': false }, exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'CV missing with a non-zero mean', features: typed(null, 40, 300), exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'negative CV (malformed)', features: typed(-0.3, 40), exit: 'MISSING_FEATURE' },
]);

/**
 * Calibration against generated typing, pooled like the SDK (population std / mean): people
 * (log-normal, σ 0.4–0.9) over a full application's 50–90 intervals stay above the recommended
 * cut of 0.22, while scripts with uniform ±30 % jitter fall below it.
 */
describe('AUTOMATION_UNIFORM_TIMING calibration', () => {
  const CUT = 0.22;
  const rnd = seededUnit(20261201);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const cvOf = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    return Math.sqrt(variance) / mean;
  };
  const measure = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const m = rule.measure(typed(cvOf(xs), xs.length, mean), paramsOf(rule));
    return 'value' in m ? m.value : Number.NaN;
  };
  const runs = (count: number, make: (i: number) => number[]) =>
    Array.from({ length: count }, (_, i) => measure(make(i)));

  it('people stay above the cut, elderly typists included', () => {
    const people = runs(500, (i) => {
      const sigma = 0.4 + 0.5 * rnd();
      const median = i % 5 === 0 ? 1500 : 250; // every fifth: a slow elderly typist
      return Array.from({ length: 50 + (i % 41) }, () => median * Math.exp(sigma * gaussian()));
    });
    expect(Math.min(...people)).toBeGreaterThanOrEqual(CUT);
  });

  it('uniform ±30 % jitter falls below it', () => {
    const bots = runs(500, (i) => Array.from({ length: 50 + (i % 41) }, () => 180 * (0.7 + 0.6 * rnd())));
    expect(Math.max(...bots)).toBeLessThan(CUT);
  });
});
