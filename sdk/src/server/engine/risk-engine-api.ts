/**
 * The engine's public shape (implementation: risk-engine.ts). A bank backend makes one engine per
 * process on a shared store, calls `decide` for every application and money move after the token
 * is verified, and `recordTokenFailure` when verification refuses a token.
 */
import type { RuleDefinition } from './rules/define-rule';
import type { RuleSetFile } from './rule-sets/schema';
import type {
  ChannelCondition,
  DecisionFilter,
  EngineStore,
  LockdownMode,
  SurgeAlert,
  SurgeEvidence,
} from './state/engine-store';
import type { DecisionRecord, EngineDecision, EngineInput, FeatureVector, RuleSetRef } from './types';

export interface SurgeConfig {
  /** Bucket size, minutes. Default 1. */
  bucketMinutes: number;
  /** Test window: the last N buckets, current included. Default 3. */
  windowBuckets: number;
  /** Baseline: trailing buckets before the window. Default 120 (two hours). */
  baselineBuckets: number;
  /** EWMA smoothing of the baseline (weight of the newest bucket). Default 0.05. */
  ewmaAlpha: number;
  /** Floor of the expected applications per bucket (a new channel's prior). Default 0.5. */
  minExpectedPerBucket: number;
  /** A surge needs at least this many applications in the window. Default 8. */
  minCount: number;
  /** Poisson upper-tail probability below which the volume is anomalous. Default 1e-4. */
  pValue: number;
  /** Quality test: approval rate in the window at most this share of the baseline rate… Default 0.5. */
  approvalDropRatio: number;
  /** …or this share of the window's applications hit a risk reason. Default 0.5. */
  riskShare: number;
  /** Automatic lockdown: mode and length. Defaults 'reject', 60 minutes. */
  lockdownMode: LockdownMode;
  lockdownMinutes: number;
  /** After an automatic lockdown: `review` instead of reject for this long. Default 60. 0 = none. */
  coolDownMinutes: number;
}

export interface RiskEngineOptions {
  store: EngineStore;
  /** Unix ms. Default Date.now. The simulator runs a day in seconds on a manual clock. */
  clock?: () => number;
  /** Rule sets to load (committed files); one per action. Default: the shipped sets. */
  ruleSets?: readonly RuleSetFile[];
  /** The bank's own rules, registered beside the shipped ones (codes must not clash). */
  extraRules?: readonly RuleDefinition[];
  /** Secret for the keyed hashes of identities, IPs and devices (HMAC-SHA256). Required, ≥ 16 bytes. */
  identityKey: string;
  /** Bank timezone for `ctx.hour`, minutes east of UTC. Default 480 (China). */
  timezoneOffsetMinutes?: number;
  surge?: Partial<SurgeConfig>;
  /** Retention of observations/buckets/decisions, days. Defaults 30 / 30 / 180. */
  retentionDays?: { observations?: number; buckets?: number; decisions?: number };
  /** Identity fields whose paste counts as `behaviour.identityPasteChars`. Default idNumber, phone, uscc, accountNo. */
  identityFields?: readonly string[];
}

export interface ChannelStatus {
  channel: string;
  state: 'normal' | 'watch' | 'lockdown' | 'cool_down';
  condition: ChannelCondition | null;
  evidence: SurgeEvidence;
}

export interface RiskEngine {
  /** Features → rules → score → outcome; records the decision and feeds surge detection. */
  decide(input: EngineInput): Promise<EngineDecision>;
  /** A token the verifier refused: counted per IP (and per device when the session is known). */
  recordTokenFailure(f: { ip: string; code: string; sessionId?: string; at?: number }): Promise<void>;
  /** Replays a rule set over a stored feature vector (backtests): no state is read or written. */
  evaluate(features: FeatureVector, ruleSet: RuleSetFile): Omit<EngineDecision, 'record'> & { ruleSet: RuleSetRef };
  /** The active rule set for an action. */
  ruleSetFor(action: string): { file: RuleSetFile; ref: RuleSetRef };
  /**
   * Makes a committed rule set the active one for each of its actions in this engine (checked like
   * the start-up sets; a draft or a set that fails a check is refused and nothing changes). The bank
   * persists activations and calls this on every instance; each decision records the set it used.
   */
  useRuleSet(file: RuleSetFile): RuleSetRef;

  channels: {
    status(channel: string, at?: number): Promise<ChannelStatus>;
    /** Every channel seen in the last `hours` (default 24) with its status. */
    list(hours?: number): Promise<ChannelStatus[]>;
    lockdown(
      channel: string,
      opts: { mode: LockdownMode; minutes?: number; reason: string; actor: string },
    ): Promise<ChannelCondition>;
    /** Lifts every active condition on the channel. */
    lift(channel: string, opts: { reason: string; actor: string }): Promise<ChannelCondition[]>;
    /** Per-bucket volume, approvals and risky counts for charts. */
    series(channel: string, from: number, to: number): Promise<import('./state/engine-store').ChannelBucket[]>;
  };
  alerts(filter?: { channel?: string; since?: number; limit?: number }): Promise<SurgeAlert[]>;
  decisions(filter?: DecisionFilter): Promise<DecisionRecord[]>;
  decision(id: string): Promise<DecisionRecord | null>;
  /** Deletes state past retention. Call periodically (the bank does, hourly). */
  purge(): Promise<void>;
}
