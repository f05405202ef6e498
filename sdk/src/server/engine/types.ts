/**
 * The risk engine's vocabulary: features in, rule results and a decision record out. Everything
 * here is plain data, so a decision can be stored, shown to staff and replayed by a backtest.
 */

/** A feature value: always a primitive; `null` when the source was missing or not consented. */
export type FeatureValue = string | number | boolean | null;

/** The full vector given to rules: every declared feature (see features/catalog.ts) by name. */
export type FeatureVector = Readonly<Record<string, FeatureValue>>;

/** Outcomes of an application decision, least to most severe. */
export const APPLICATION_OUTCOMES = ['approve', 'review', 'reject'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

/** Outcomes of a money move (contract signing, drawdown, repayment, account change), least to most severe. */
export const MONEY_OUTCOMES = ['allow', 'step-up', 'hold', 'block'] as const;
export type MoneyOutcome = (typeof MONEY_OUTCOMES)[number];

export type Outcome = ApplicationOutcome | MoneyOutcome;

/**
 * Customer-facing families of reasons. A rule declares one; the customer sees only the family's
 * plain zh-CN text (PIPL Art. 24), never the rule.
 */
export const REASON_CATEGORIES = ['device', 'behaviour', 'identity', 'velocity', 'channel', 'protocol'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export type Evidence = Record<string, FeatureValue>;

/** What a rule's `measure` returns: a number to band, or an early exit (not applicable / missing input). */
export type Measurement = { value: number; evidence?: Evidence } | { exit: string; evidence?: Evidence };

/** One rule's answer in a decision; every configured rule always answers (Tazama). */
export interface RuleResult {
  code: string;
  ruleVersion: number;
  status: 'hit' | 'no_hit' | 'exit' | 'error';
  value: number | null;
  /** The band the value fell in (`ref` from the rule set); null on exit/error. */
  band: string | null;
  weight: number;
  /** Outcome this band forces regardless of the score (e.g. CHANNEL_LOCKDOWN → reject). */
  force?: Outcome;
  evidence: Evidence;
  /** zh-CN explanation for staff, the band's template filled from value and evidence. */
  text: string;
  /** Exit or error reason. */
  exit?: string;
}

/** Server facts the client cannot forge, given by the bank for each decision. */
export interface EngineContext {
  /** SDK action name: `loan.apply`, `contract.sign`, `drawdown`, `repay`, `account.change`, … */
  action: string;
  /** Request source address as the bank's edge saw it (X-Forwarded-For resolved by the bank). */
  ip: string;
  /** The logged-in customer (an opaque id; hashed before it is stored). */
  userId: string;
  /**
   * Identities involved, in clear: the engine hashes them with its identity key (HMAC-SHA256)
   * before anything is stored or recorded.
   */
  identities?: { residentId?: string; phone?: string; uscc?: string; account?: string };
  /**
   * What the bank's own records say about those identities (facts, not values):
   * `usccSharedWithOtherCustomer` — another customer already held this USCC when this one claimed it.
   */
  identityFacts?: { usccSharedWithOtherCustomer?: boolean };
  /** Amount moved or applied for, fen. */
  amountFen?: number;
  /** When the receiving account of this money move was added (Unix ms), if it is one. */
  accountAddedAt?: number;
  /** Override the engine clock (Unix ms); default: the engine's clock. */
  at?: number;
}

/** A verified action token (header + decrypted payload) from `RiskServer.verify`, or null when absent. */
export interface VerifiedToken {
  header: Record<string, unknown>;
  payload: unknown;
}

export interface EngineInput {
  token: VerifiedToken | null;
  context: EngineContext;
}

export interface RuleSetRef {
  id: string;
  version: number;
  /** sha256 of the canonical JSON of the rule set file. */
  hash: string;
}

/** The stored, replayable record of one decision (Marble/Tazama style). */
export interface DecisionRecord {
  /** uuidv7: sortable by time. */
  decisionId: string;
  /** Engine clock, Unix ms. */
  at: number;
  action: string;
  channel: string;
  /** Keyed hashes of the subjects: user, device, identities (never clear values). */
  subjects: Record<string, string>;
  ruleSet: RuleSetRef;
  engineVersion: string;
  /** The full feature vector given to rules. */
  features: FeatureVector;
  rules: RuleResult[];
  score: number;
  outcome: Outcome;
  /** The rule code whose band forced the outcome, when one did. */
  forcedBy?: string;
  /** Hit codes, heaviest first. */
  reasons: string[];
  /** Customer-facing category key of the top reason, or null when nothing was hit. */
  category: ReasonCategory | null;
}

/** What the bank gets back from `engine.decide`. */
export interface EngineDecision {
  record: DecisionRecord;
  outcome: Outcome;
  score: number;
  /** Ordered hit reasons with staff text, heaviest first. */
  reasons: Array<{ code: string; weight: number; text: string; category: ReasonCategory }>;
  /** Plain zh-CN text for the customer, or null when nothing was hit. */
  customerText: string | null;
}
