/**
 * A rule measures; configuration decides (Tazama). Each rule is a small pure, synchronous function
 * of the feature vector and its parameters, in its own file with its own test. It returns a number
 * (the engine maps it to a band from the rule set: weight, forced outcome, staff text) or an early
 * exit when it does not apply or an input is missing — it never throws on missing data and never
 * returns a verdict itself (BotD: detectors abstain when an input failed).
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FeatureName } from '../features/catalog';
import type { FeatureVector, Measurement, ReasonCategory } from '../types';

export interface RuleDefinition<P extends TSchema = TSchema> {
  /** Stable reason code, documented in RULES.md; counted in reports and shown to staff. */
  code: string;
  /** Logic version: bump when `measure` changes meaning. A rule set pins the version it was tuned for. */
  version: number;
  /** Customer-facing family of the reason (the customer sees only the family's text). */
  category: ReasonCategory;
  /** Features the rule reads; the engine checks they are declared. */
  reads: readonly FeatureName[];
  /** Parameter schema (TypeBox); a rule set's `params` are checked against it at load. */
  params: P;
  /** One line for RULES.md and staff tooltips. */
  doc: string;
  measure(f: FeatureVector, p: Static<P>): Measurement;
}

export function defineRule<P extends TSchema>(rule: RuleDefinition<P>): RuleDefinition<P> {
  return rule;
}

/** Exit reasons shared by rules (each rule may add its own). */
export const Exit = {
  /** An input feature is null: not collected, not consented, or not on this platform. */
  missingFeature: 'MISSING_FEATURE',
  /** The rule does not apply to this request (other platform, other action). */
  notApplicable: 'NOT_APPLICABLE',
  /** Too few samples to judge (e.g. fewer than 5 input intervals). */
  tooLittleData: 'TOO_LITTLE_DATA',
} as const;

/**
 * Typed read helpers: a feature of the wrong type reads as null, so a rule exits instead of guessing.
 * NaN and ±Infinity read as null too: they are not measurements, and a stored vector would replay
 * them as null (JSON has neither), so live and replayed decisions would differ.
 */
export const num = (f: FeatureVector, name: FeatureName): number | null => {
  const v = f[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
export const bool = (f: FeatureVector, name: FeatureName): boolean | null =>
  typeof f[name] === 'boolean' ? (f[name] as boolean) : null;
export const str = (f: FeatureVector, name: FeatureName): string | null =>
  typeof f[name] === 'string' ? (f[name] as string) : null;
