import { readFileSync } from 'node:fs';
import {
  FEATURES_MD_PATH,
  RULES_MD_PATH,
  renderFeaturesMarkdown,
  renderRulesMarkdown,
} from '../../../scripts/gen-engine-docs';
import { FEATURE_NAMES } from './features/catalog';
import { ALL_RULES, RULE_REGISTRY } from './rules';
import { DEFAULT_RULE_SETS } from './rule-sets/defaults';
import { loadRuleSet } from './rule-sets/load-rule-set';

describe('engine documentation and shipped configuration', () => {
  it('FEATURES.md and RULES.md are generated and up to date (run `npx tsx sdk/scripts/gen-engine-docs.ts`)', () => {
    expect(readFileSync(FEATURES_MD_PATH, 'utf8')).toBe(renderFeaturesMarkdown());
    expect(readFileSync(RULES_MD_PATH, 'utf8')).toBe(renderRulesMarkdown());
  });

  it('every rule has a unique code and reads only declared features', () => {
    expect(RULE_REGISTRY.size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) for (const name of r.reads) expect(FEATURE_NAMES).toContain(name);
  });

  it('the shipped rule sets load, and every registered rule is used by at least one of them', () => {
    const used = new Set<string>();
    for (const file of DEFAULT_RULE_SETS) for (const r of loadRuleSet(file, RULE_REGISTRY).rules) used.add(r.def.code);
    expect(ALL_RULES.map((r) => r.code).filter((c) => !used.has(c))).toEqual([]);
  });

  it('repayments can never be blocked or held by the shipped sets', () => {
    const repay = DEFAULT_RULE_SETS.find((s) => s.actions.includes('repay'))!;
    expect(repay.maxOutcome).toBe('step-up');
  });
});
