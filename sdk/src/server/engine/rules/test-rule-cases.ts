/**
 * Table-driven rule tests: each case gives a feature vector (unnamed features read as missing),
 * optional parameter overrides and the measurement expected. A table must hold at least one hit,
 * one no-hit and one exit, so no rule ships with only its happy path tested. "Hit" means a value
 * the recommended bands weigh; the bands themselves live in the rule-set files, not here.
 */
import { Value } from '@sinclair/typebox/value';
import type { Static, TSchema } from '@sinclair/typebox';
import type { RuleDefinition } from './define-rule';
import type { Evidence, FeatureValue, Measurement } from '../types';

export type RuleCase = {
  kind: 'hit' | 'no hit' | 'exit';
  name: string;
  features: Record<string, FeatureValue>;
  params?: Record<string, unknown>;
  evidence?: Evidence;
} & ({ value: number } | { exit: string });

/** The parameter schema's defaults, with overrides (what a rule set gives after its load checks). */
export function paramsOf<P extends TSchema>(
  rule: RuleDefinition<P>,
  overrides: Record<string, unknown> = {},
): Static<P> {
  return { ...(Value.Create(rule.params) as Record<string, unknown>), ...overrides } as Static<P>;
}

export function describeRuleCases<P extends TSchema>(rule: RuleDefinition<P>, cases: readonly RuleCase[]): void {
  describe(rule.code, () => {
    it('has a hit, a no-hit and an exit case', () => {
      expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['hit', 'no hit', 'exit']));
    });

    it.each(cases.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_label, c) => {
      const m: Measurement = rule.measure(c.features, paramsOf(rule, c.params));
      if ('exit' in c) {
        expect(m).toEqual(expect.objectContaining({ exit: c.exit }));
      } else {
        expect('value' in m).toBe(true);
        if ('value' in m) expect(m.value).toBeCloseTo(c.value, 6);
      }
      if (c.evidence) expect(m.evidence).toEqual(expect.objectContaining(c.evidence));
    });
  });
}
