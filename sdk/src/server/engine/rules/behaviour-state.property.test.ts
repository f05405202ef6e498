/**
 * Property over every behaviour and state rule: whatever a feature vector holds (random
 * primitives, nulls, NaN, ±Infinity, wrong types), `measure` does not throw, answers either a
 * finite value or an exit string, is deterministic, and replays: measuring the vector as a stored
 * decision record holds it (JSON, where NaN and ±Infinity become null) gives the same answer.
 */
import fc from 'fast-check';
import { FEATURE_NAMES } from '../features/catalog';
import type { FeatureValue, FeatureVector } from '../types';
import { BEHAVIOUR_RULES } from './behaviour';
import { STATE_RULES } from './state';
import { paramsOf } from './test-rule-cases';

const RULES = [...BEHAVIOUR_RULES, ...STATE_RULES];
const NAMES = [...new Set(RULES.flatMap((r) => [...r.reads]))];

// Strings the rules compare against, so random vectors also reach their deeper branches.
const MEANINGFUL = [
  'none',
  'review',
  'reject',
  'ios',
  'android',
  'ohos',
  'web',
  'windows',
  'drawdown',
  'loan.apply',
  'repay',
  '',
];

const featureValue: fc.Arbitrary<FeatureValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 200 }),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.constantFrom(...MEANINGFUL),
  fc.string({ maxLength: 12 }),
);

// Any subset of the features a rule reads; an absent feature reads as missing, like a null one.
const vector: fc.Arbitrary<FeatureVector> = fc.record(
  Object.fromEntries(NAMES.map((n) => [n, featureValue])) as Record<string, fc.Arbitrary<FeatureValue>>,
  { requiredKeys: [] },
) as fc.Arbitrary<FeatureVector>;

describe('behaviour and state rules: property', () => {
  it('have unique rule-set codes and read only catalogued features', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(NAMES.filter((n) => !FEATURE_NAMES.has(n))).toEqual([]);
  });

  it('never throws; finite value or exit; deterministic; replays from JSON', () => {
    fc.assert(
      fc.property(vector, (f) => {
        for (const rule of RULES) {
          const p = paramsOf(rule);
          const m = rule.measure(f, p);
          if ('exit' in m) {
            expect(typeof m.exit).toBe('string');
            expect('value' in m).toBe(false);
          } else {
            expect(Number.isFinite(m.value)).toBe(true);
          }
          expect(rule.measure(f, p)).toEqual(m);
          const replayed = rule.measure(JSON.parse(JSON.stringify(f)), p);
          expect(JSON.stringify(replayed)).toBe(JSON.stringify(m));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
