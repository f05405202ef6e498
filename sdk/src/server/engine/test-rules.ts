// Test helper: two tiny rules and a rule set over them, so engine mechanics are tested apart from
// the shipped rules (whose own tests live beside them).
import { Type } from '@sinclair/typebox';
import { defineRule, num, str, type RuleDefinition } from './rules/define-rule';
import type { RuleSetFile } from './rule-sets/schema';

export const COUNT_RULE = defineRule({
  code: 'TEST_COUNT',
  version: 2,
  category: 'velocity',
  reads: ['velocity.ipApps1h'],
  params: Type.Object({ scale: Type.Number() }, { additionalProperties: false }),
  doc: 'test: ip count × scale',
  measure: (f, p) => {
    const n = num(f, 'velocity.ipApps1h');
    return n === null ? { exit: 'MISSING_FEATURE' } : { value: n * p.scale, evidence: { n } };
  },
});

export const LOCK_RULE = defineRule({
  code: 'TEST_LOCK',
  version: 1,
  category: 'channel',
  reads: ['channel.lockdown'],
  params: Type.Object({}),
  doc: 'test: lockdown mode',
  measure: (f) => ({ value: { none: 0, review: 1, reject: 2 }[str(f, 'channel.lockdown') ?? 'none'] ?? 0 }),
});

export const THROWING_RULE = defineRule({
  code: 'TEST_THROWS',
  version: 1,
  category: 'device',
  reads: [],
  params: Type.Object({}),
  doc: 'test: always throws',
  measure: () => {
    throw new Error('boom');
  },
});

export const TEST_REGISTRY: ReadonlyMap<string, RuleDefinition> = new Map(
  [COUNT_RULE, LOCK_RULE, THROWING_RULE].map((r) => [r.code, r as RuleDefinition]),
);

export function testRuleSet(over: Partial<RuleSetFile> = {}): RuleSetFile {
  return {
    id: 'test.apply',
    version: 1,
    status: 'committed',
    actions: ['loan.apply'],
    outcomes: ['approve', 'review', 'reject'],
    thresholds: { review: 40, reject: 80 },
    rules: [
      {
        code: 'TEST_COUNT',
        ruleVersion: 2,
        enabled: true,
        params: { scale: 1 },
        bands: [
          { ref: 'b0', below: 5, weight: 0, text: '正常' },
          { ref: 'b1', below: 10, weight: 40, text: '同一IP申请{n}次' },
          { ref: 'b2', weight: 80, text: '同一IP申请{n}次（值{value}）' },
        ],
      },
      {
        code: 'TEST_LOCK',
        ruleVersion: 1,
        enabled: true,
        params: {},
        bands: [
          { ref: 'b0', below: 1, weight: 0, text: '渠道正常' },
          { ref: 'b1', below: 2, weight: 0, force: 'review', text: '渠道冷却期，转人工' },
          { ref: 'b2', weight: 0, force: 'reject', text: '渠道封控' },
        ],
      },
    ],
    ...over,
  };
}
