/**
 * Pure evaluation: a feature vector and a loaded rule set in, rule results, score and outcome out.
 * No store, no clock — so a decision can be replayed exactly from its record, and a backtest can run
 * a candidate set over stored vectors (Marble's "decisions record what they saw").
 */
import type { LoadedRule, LoadedRuleSet } from './rule-sets/load-rule-set';
import type { BandConfig } from './rule-sets/schema';
import type { Evidence, FeatureVector, Outcome, ReasonCategory, RuleResult } from './types';
import { customerText } from './customer-text';

export interface Evaluation {
  rules: RuleResult[];
  score: number;
  outcome: Outcome;
  forcedBy?: string;
  /** Set when the set's `maxOutcome` lowered the outcome. */
  cappedFrom?: Outcome;
  reasons: Array<{ code: string; weight: number; text: string; category: ReasonCategory }>;
  category: ReasonCategory | null;
  customerText: string | null;
}

function bandFor(bands: readonly BandConfig[], value: number): BandConfig {
  for (const b of bands) if (b.below === undefined || value < b.below) return b;
  return bands[bands.length - 1];
}

/** Fills `{value}` and `{key}` placeholders; unknown keys stay visible rather than vanish. */
export function fillText(template: string, value: number | null, evidence: Evidence): string {
  return template.replace(/\{([A-Za-z0-9_.]+)\}/g, (m, key: string) => {
    if (key === 'value') return value === null ? '—' : String(value);
    return key in evidence ? String(evidence[key]) : m;
  });
}

function runRule({ def, config }: LoadedRule, features: FeatureVector): RuleResult {
  const base = { code: def.code, ruleVersion: def.version };
  let m;
  try {
    m = def.measure(features, config.params as never);
  } catch (e) {
    // Every rule always answers (Tazama): a throw is an `error` result, never a missing one.
    return {
      ...base,
      status: 'error',
      value: null,
      band: null,
      weight: 0,
      evidence: {},
      text: '规则执行出错',
      exit: String((e as Error)?.message ?? e).slice(0, 120),
    };
  }
  const evidence = m.evidence ?? {};
  if ('exit' in m)
    return { ...base, status: 'exit', value: null, band: null, weight: 0, evidence, text: '', exit: m.exit };
  if (!Number.isFinite(m.value))
    return {
      ...base,
      status: 'error',
      value: null,
      band: null,
      weight: 0,
      evidence,
      text: '规则返回了无效数值',
      exit: 'NON_FINITE',
    };
  const band = bandFor(config.bands, m.value);
  const hit = band.weight > 0 || band.force !== undefined;
  return {
    ...base,
    status: hit ? 'hit' : 'no_hit',
    value: m.value,
    band: band.ref,
    weight: band.weight,
    ...(band.force ? { force: band.force } : {}),
    evidence,
    text: fillText(band.text, m.value, evidence),
  };
}

const severity = (ladder: readonly Outcome[], o: Outcome) => ladder.indexOf(o);

export function evaluate(features: FeatureVector, set: LoadedRuleSet): Evaluation {
  const { ladder, file } = set;
  const rules = set.rules.map((r) => runRule(r, features));
  const score = rules.reduce((s, r) => s + r.weight, 0);

  let outcome: Outcome = ladder[0];
  for (const o of ladder.slice(1)) if (score >= file.thresholds[o]) outcome = o;
  let forcedBy: string | undefined;
  for (const r of rules) {
    if (r.force && severity(ladder, r.force) > severity(ladder, outcome)) {
      outcome = r.force;
      forcedBy = r.code;
    }
  }
  let cappedFrom: Outcome | undefined;
  if (file.maxOutcome && severity(ladder, outcome) > severity(ladder, file.maxOutcome)) {
    cappedFrom = outcome;
    outcome = file.maxOutcome;
  }

  const categoryOf = new Map(set.rules.map((r) => [r.def.code, r.def.category]));
  const hits = rules
    .filter((r) => r.status === 'hit')
    // Forced reasons first, then heaviest; code order breaks ties so the order is deterministic.
    .sort((a, b) => Number(!!b.force) - Number(!!a.force) || b.weight - a.weight || (a.code < b.code ? -1 : 1));
  const reasons = hits.map((r) => ({
    code: r.code,
    weight: r.weight,
    text: r.text,
    category: categoryOf.get(r.code)!,
  }));
  const category = outcome === ladder[0] || reasons.length === 0 ? null : reasons[0].category;
  return {
    rules,
    score,
    outcome,
    ...(forcedBy ? { forcedBy } : {}),
    ...(cappedFrom ? { cappedFrom } : {}),
    reasons,
    category,
    customerText: category
      ? customerText(category, set.file.outcomes[0] === 'approve' ? 'application' : 'money')
      : null,
  };
}
