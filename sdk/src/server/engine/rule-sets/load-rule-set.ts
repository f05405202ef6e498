/**
 * Loads a rule-set file: the schema, then what a schema cannot say — every code is a registered
 * rule at the pinned logic version, params match the rule's own schema, bands are ordered without
 * gaps, thresholds climb the outcome ladder, forced outcomes belong to it. A file that fails any
 * check is refused whole: an engine never runs half a rule set.
 */
import { createHash } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { canonicalJson } from '../../../crypto/canonical-json';
import type { RuleDefinition } from '../rules/define-rule';
import type { Outcome, RuleSetRef } from '../types';
import { RuleSetSchema, type RuleConfig, type RuleSetFile } from './schema';

export class RuleSetError extends Error {
  constructor(
    readonly ruleSet: string,
    readonly problems: string[],
  ) {
    super(`rule set ${ruleSet} refused:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RuleSetError';
  }
}

export interface LoadedRule {
  def: RuleDefinition;
  config: RuleConfig;
}

export interface LoadedRuleSet {
  file: RuleSetFile;
  ref: RuleSetRef;
  /** Enabled rules in file order. */
  rules: LoadedRule[];
  /** The ladder, least to most severe. */
  ladder: readonly Outcome[];
}

/** `sha256` of the canonical JSON: the same content has the same hash whatever its formatting. */
export function ruleSetHash(file: RuleSetFile): string {
  return createHash('sha256').update(canonicalJson(file)).digest('hex');
}

export function loadRuleSet(raw: unknown, registry: ReadonlyMap<string, RuleDefinition>): LoadedRuleSet {
  const name =
    raw && typeof raw === 'object' ? `${(raw as RuleSetFile).id ?? '?'}@${(raw as RuleSetFile).version ?? '?'}` : '?';
  if (!Value.Check(RuleSetSchema, raw)) {
    const problems = [...Value.Errors(RuleSetSchema, raw)].slice(0, 10).map((e) => `${e.path || '/'}: ${e.message}`);
    throw new RuleSetError(name, problems);
  }
  const file = raw as RuleSetFile;
  const ladder = file.outcomes as readonly Outcome[];
  const problems: string[] = [];

  let last = -Infinity;
  for (const o of ladder.slice(1)) {
    const t = file.thresholds[o];
    if (t === undefined) problems.push(`thresholds: missing ${o}`);
    else if (!(t > last)) problems.push(`thresholds: ${o} (${t}) must be above the previous outcome's`);
    else last = t;
  }
  for (const k of Object.keys(file.thresholds))
    if (!ladder.slice(1).includes(k as Outcome)) problems.push(`thresholds: ${k} is not on the ladder`);
  if (file.maxOutcome && !ladder.includes(file.maxOutcome))
    problems.push(`maxOutcome ${file.maxOutcome} not on the ladder`);

  const seen = new Set<string>();
  const rules: LoadedRule[] = [];
  for (const [i, config] of file.rules.entries()) {
    const at = `rules[${i}] ${config.code}`;
    if (seen.has(config.code)) problems.push(`${at}: listed twice`);
    seen.add(config.code);
    const def = registry.get(config.code);
    if (!def) {
      problems.push(`${at}: unknown rule code`);
      continue;
    }
    if (def.version !== config.ruleVersion)
      problems.push(`${at}: pinned to logic version ${config.ruleVersion}, the engine has ${def.version}`);
    if (!Value.Check(def.params, config.params))
      problems.push(
        ...[...Value.Errors(def.params, config.params)].slice(0, 3).map((e) => `${at} params${e.path}: ${e.message}`),
      );
    config.bands.forEach((b, j) => {
      const isLast = j === config.bands.length - 1;
      if (isLast && b.below !== undefined) problems.push(`${at} band ${b.ref}: the last band has no "below"`);
      if (!isLast && b.below === undefined) problems.push(`${at} band ${b.ref}: only the last band may omit "below"`);
      if (j > 0 && b.below !== undefined && !(b.below > (config.bands[j - 1].below ?? Infinity)))
        problems.push(`${at} band ${b.ref}: "below" must increase (bands overlap)`);
      if (b.force && !ladder.includes(b.force))
        problems.push(`${at} band ${b.ref}: force ${b.force} not on the ladder`);
    });
    if (new Set(config.bands.map((b) => b.ref)).size !== config.bands.length)
      problems.push(`${at}: duplicate band ref`);
    if (config.enabled) rules.push({ def, config });
  }
  if (problems.length) throw new RuleSetError(name, problems);
  return { file, ref: { id: file.id, version: file.version, hash: ruleSetHash(file) }, rules, ladder };
}
