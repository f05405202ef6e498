/**
 * The rule registry (BotD's detector list): every rule the engine knows, by code. A rule set names
 * the rules it runs and pins their logic versions; a rule can stay in the tree unregistered.
 */
import type { RuleDefinition } from './define-rule';
import { DEVICE_RULES } from './device';
import { BEHAVIOUR_RULES } from './behaviour';
import { STATE_RULES } from './state';

export const ALL_RULES: readonly RuleDefinition[] = [...DEVICE_RULES, ...BEHAVIOUR_RULES, ...STATE_RULES];

export const RULE_REGISTRY: ReadonlyMap<string, RuleDefinition> = new Map(ALL_RULES.map((r) => [r.code, r]));

export { defineRule, Exit } from './define-rule';
export type { RuleDefinition } from './define-rule';
