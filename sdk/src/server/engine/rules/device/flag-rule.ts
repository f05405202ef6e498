/**
 * One shape for the rules that measure a single boolean feature as 0/1 (debug mode, proxy,
 * webdriver…): the platform scope decides NOT_APPLICABLE (a mini-program switch on an H5 page, or
 * the reverse), a missing value exits, and a few context features travel as evidence.
 */
import { Type } from '@sinclair/typebox';
import type { FeatureName } from '../../features/catalog';
import type { Evidence, FeatureVector, ReasonCategory } from '../../types';
import { bool, defineRule, Exit, str } from '../define-rule';

/** Where the feature exists: the WeChat mini-program, the H5 page, or both. */
export type PlatformScope = 'miniProgram' | 'web' | 'any';

export interface FlagRuleSpec {
  code: string;
  version: number;
  category: ReasonCategory;
  feature: FeatureName;
  scope: PlatformScope;
  doc: string;
  /** Features copied into the evidence under their last name segment (`device.networkType` → `networkType`). */
  evidence?: readonly FeatureName[];
}

/** NOT_APPLICABLE when the request's platform is outside the scope; null when it is in scope (or unknown). */
export function outOfScope(f: FeatureVector, scope: PlatformScope): string | null {
  const platform = str(f, 'device.platform');
  if (platform === null || scope === 'any') return null;
  return (scope === 'web') === (platform === 'web') ? null : Exit.notApplicable;
}

export const evidenceOf = (f: FeatureVector, names: readonly FeatureName[]): Evidence =>
  Object.fromEntries(names.map((n) => [n.slice(n.lastIndexOf('.') + 1), f[n] ?? null]));

export function flagRule(spec: FlagRuleSpec) {
  const extra = spec.evidence ?? [];
  return defineRule({
    code: spec.code,
    version: spec.version,
    category: spec.category,
    reads: [...new Set<FeatureName>([spec.feature, 'device.platform', ...extra])],
    params: Type.Object({}),
    doc: spec.doc,
    measure(f) {
      const exit = outOfScope(f, spec.scope);
      if (exit) return { exit };
      const b = bool(f, spec.feature);
      if (b === null) return { exit: Exit.missingFeature };
      return { value: b ? 1 : 0, evidence: evidenceOf(f, extra) };
    },
  });
}
