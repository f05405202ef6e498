/**
 * The engine's state behind one interface: an in-memory implementation here
 * (`createMemoryEngineStore`) and a SQL one in the sandbox bank (Kysely on PGlite/PostgreSQL);
 * Redis can implement the same shape. Every method must be safe under concurrent callers: counts
 * come from append-only observations and buckets are bumped atomically.
 */
import type { DecisionRecord, Outcome } from '../types';

/** One (key, member) pair: "member was seen under key at time t". Keys are prefixed hashes, never clear identities. */
export type Observation = readonly [key: string, member: string];

export interface CountQuery {
  key: string;
  /** Count observations with at >= since (Unix ms). */
  since: number;
}

/** Per-channel counts in one time bucket. */
export interface ChannelBucket {
  channel: string;
  /** Bucket start, Unix ms (a multiple of the bucket size). */
  start: number;
  applications: number;
  approved: number;
  /** Applications with at least one risk reason hit (any weight > 0). */
  risky: number;
}

export type LockdownMode = 'review' | 'reject';

/** A lockdown on a channel (Tazama's "condition"): what applies, from when, until when, and who set it. */
export interface ChannelCondition {
  id: string;
  channel: string;
  mode: LockdownMode;
  from: number;
  /** Exclusive end, Unix ms; null = until lifted. */
  until: number | null;
  reason: string;
  setBy: 'auto' | 'staff';
  /** Staff id or 'engine'. */
  actor: string;
  /** The alert that caused an automatic lockdown. */
  alertId?: string;
  /** Set when lifted before `until`. */
  liftedAt?: number;
  liftedBy?: string;
  liftReason?: string;
}

export interface SurgeEvidence {
  /** Applications in the test window. */
  count: number;
  /** Expected applications in the window from the channel's baseline. */
  expected: number;
  /** Poisson upper-tail probability of seeing `count` or more given `expected`. */
  pValue: number;
  approvalRate: number | null;
  baselineApprovalRate: number | null;
  riskShare: number | null;
  windowMinutes: number;
}

export interface SurgeAlert {
  id: string;
  channel: string;
  at: number;
  kind: 'surge' | 'lockdown' | 'lockdown_lifted' | 'cool_down';
  evidence: SurgeEvidence | Record<string, unknown>;
  conditionId?: string;
}

export interface DecisionFilter {
  since?: number;
  until?: number;
  action?: string;
  channel?: string;
  outcome?: Outcome;
  /** Newest first; at most this many (default 100). */
  limit?: number;
  /** Only decisions older than this decision id (paging). */
  beforeId?: string;
}

export interface RetentionCutoffs {
  /** Observations older than this are deleted (the longest window is 30 days). */
  observationsBefore: number;
  bucketsBefore: number;
  decisionsBefore: number;
}

export interface EngineStore {
  /** Appends observations at `at`. */
  observe(at: number, entries: readonly Observation[]): Promise<void>;
  /** For each query, the number of distinct members observed under the key since `since`. */
  countDistinct(queries: readonly CountQuery[]): Promise<number[]>;

  /** Atomically adds to a channel's bucket (creating it). */
  bumpBucket(channel: string, start: number, delta: Omit<ChannelBucket, 'channel' | 'start'>): Promise<void>;
  /** Buckets of one channel with from <= start < to, oldest first (missing buckets are simply absent). */
  buckets(channel: string, from: number, to: number): Promise<ChannelBucket[]>;
  /** Channels with any bucket at or after `since`. */
  channels(since: number): Promise<string[]>;

  /** Inserts or replaces a condition by id. */
  putCondition(c: ChannelCondition): Promise<void>;
  /** Conditions of a channel (all channels when null), newest first. */
  conditions(channel: string | null): Promise<ChannelCondition[]>;

  putAlert(a: SurgeAlert): Promise<void>;
  /** Newest first. */
  alerts(filter: { channel?: string; since?: number; limit?: number }): Promise<SurgeAlert[]>;

  putDecision(d: DecisionRecord): Promise<void>;
  getDecision(id: string): Promise<DecisionRecord | null>;
  decisions(filter: DecisionFilter): Promise<DecisionRecord[]>;

  /** Bounded retention. */
  purge(cutoffs: RetentionCutoffs): Promise<void>;
}
