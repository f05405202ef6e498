import fc from 'fast-check';
import { FEATURE_NAMES, FEATURES } from '../../features/catalog';
import type { FeatureValue, FeatureVector } from '../../types';
import { paramsOf } from '../test-rule-cases';
import { DEVICE_RULES } from './index';

/** A vector that records every name a rule reads. */
function recording(values: Record<string, FeatureValue>) {
  const read = new Set<string>();
  const f = new Proxy(values, {
    get: (t, k) => (typeof k === 'string' && read.add(k), Reflect.get(t, k)),
    has: (t, k) => (typeof k === 'string' && read.add(k), Reflect.has(t, k)),
  });
  return { f: f as FeatureVector, read };
}

const TYPES = new Map(FEATURES.map((d) => [d.name, d.type]));
const valueOfType = (name: string): fc.Arbitrary<FeatureValue> => {
  const t = TYPES.get(name);
  const typed =
    t === 'boolean'
      ? fc.boolean()
      : t === 'number'
        ? fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }))
        : fc.oneof(fc.constantFrom('ios', 'android', 'web', 'devtools', 'windows', 'x86_64', 'iPhone 15'), fc.string());
  return fc.oneof(fc.constant(null), typed);
};

describe('DEVICE_RULES', () => {
  it('have unique codes, declared features and parameter defaults', () => {
    expect(new Set(DEVICE_RULES.map((r) => r.code)).size).toBe(DEVICE_RULES.length);
    for (const r of DEVICE_RULES) {
      expect(r.code).toMatch(/^(DEVICE|WEB)_[A-Z0-9_]+$/);
      for (const name of r.reads) expect([r.code, name, FEATURE_NAMES.has(name)]).toEqual([r.code, name, true]);
      expect(() => paramsOf(r)).not.toThrow();
    }
  });

  it('exit on an empty vector rather than guess', () => {
    for (const r of DEVICE_RULES) expect([r.code, 'exit' in r.measure({}, paramsOf(r))]).toEqual([r.code, true]);
  });

  it('read only the features they declare, and never throw or return a non-finite value', () => {
    for (const rule of DEVICE_RULES) {
      const vector = fc.record(Object.fromEntries(rule.reads.map((n) => [n, valueOfType(n)])), {
        requiredKeys: [],
      }) as fc.Arbitrary<Record<string, FeatureValue>>;
      fc.assert(
        fc.property(vector, (values) => {
          const { f, read } = recording(values);
          const m = rule.measure(f, paramsOf(rule));
          for (const name of read)
            expect([rule.code, name, rule.reads.includes(name as never)]).toEqual([rule.code, name, true]);
          if ('value' in m) expect([rule.code, Number.isFinite(m.value)]).toEqual([rule.code, true]);
          else expect(typeof m.exit).toBe('string');
        }),
        { numRuns: 200 },
      );
    }
  });
});
