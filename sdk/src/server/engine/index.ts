/**
 * `@lingjie/risk-sdk/engine`: Node-only. The risk engine — features, rules, rule sets, decisions,
 * channel surge detection — for any bank backend, on any store that implements `EngineStore`.
 */
export { createRiskEngine, ENGINE_VERSION, DEFAULT_IDENTITY_FIELDS } from './risk-engine';
export type { RiskEngine, RiskEngineOptions, SurgeConfig, ChannelStatus } from './risk-engine-api';
export type * from './types';
export { APPLICATION_OUTCOMES, MONEY_OUTCOMES, REASON_CATEGORIES } from './types';
export type {
  EngineStore,
  Observation,
  CountQuery,
  ChannelBucket,
  ChannelCondition,
  LockdownMode,
  SurgeAlert,
  SurgeEvidence,
  DecisionFilter,
  RetentionCutoffs,
} from './state/engine-store';
export { createMemoryEngineStore } from './state/memory-engine-store';
export { DEFAULT_LIMIT, limitOf, conditionEnd } from './state/store-semantics';
export { FEATURES, FEATURE_NAMES, type FeatureDeclaration, type FeatureName } from './features/catalog';
export { ALL_RULES, RULE_REGISTRY, defineRule, Exit, type RuleDefinition } from './rules';
export { loadRuleSet, ruleSetHash, RuleSetError, type LoadedRuleSet } from './rule-sets/load-rule-set';
export { RuleSetSchema, type RuleSetFile, type RuleConfig, type BandConfig } from './rule-sets/schema';
export { DEFAULT_RULE_SETS } from './rule-sets/defaults';
export { DEFAULT_SURGE_CONFIG } from './surge/surge-detector';
export { poissonUpperTail } from './surge/poisson';
export { customerText } from './customer-text';
