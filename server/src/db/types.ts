import type { ColumnType, Generated } from 'kysely';

// Row types as Kysely sees them. int8 columns are parsed to JS numbers by both drivers (see connect.ts):
// amounts are integer fen far below 2^53. Timestamps come back as Date objects; dates as YYYY-MM-DD text.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: string;
  openid: string;
  session_key_hash: string;
  /** The bound phone, sealed (pii/vault.ts, field `phone`, row id `id`) and its blind index (migration 005). */
  phone_enc: string | null;
  phone_bidx: string | null;
  created_at: Timestamp;
}
export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}
export interface SmsCodesTable {
  id: string;
  /** Blind index of the phone the code went to (migration 005): the code is checked, never re-sent. */
  phone_bidx: string;
  purpose: string;
  code: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  attempts: Generated<number>;
}
export interface ConsentsTable {
  id: string;
  user_id: string;
  purpose: string;
  version: string;
  granted_at: Timestamp;
  withdrawn_at: Timestamp | null;
}
export interface CustomersTable {
  user_id: string;
  name: string;
  /** Resident ID, sealed (field `resident_id`, row id `user_id`) and its blind index, unique unless `id_number_reuse` (migration 005). */
  id_number_enc: string;
  id_number_bidx: string;
  /**
   * null: the one customer verified with this resident ID (unique). Outside the unique index:
   * `legacy` (a duplicate from before migration 005), `set-aside` (a half-made demo customer, seed.ts),
   * `released` (a supervisor freed it for another account: releaseResidentId, services/customers.ts).
   */
  id_number_reuse: string | null;
  verified_at: Timestamp;
  face_verified_at: Timestamp | null;
}
export interface EnterprisesTable {
  id: string;
  user_id: string;
  uscc: string;
  name: string;
  legal_rep_name: string;
  registration_date: string;
  industry: string;
  annual_revenue_fen: number;
  employees: number;
  applicant_role: string;
  authorisation_ref: string | null;
  created_at: Timestamp;
  /** Another customer already held this USCC when it was added (migration 005): authorised, and flagged for review. */
  claimed_while_held: Generated<boolean>;
}
export interface AccountsTable {
  id: string;
  user_id: string;
  kind: string;
  /** Card or account number, sealed (field `account_no`, row id `id`) and its blind index (migration 005). */
  account_no_enc: string;
  account_no_bidx: string;
  holder_name: string;
  bank_name: string;
  luhn_valid: boolean;
  created_at: Timestamp;
}
export interface ApplicationsTable {
  id: string;
  user_id: string;
  enterprise_id: string;
  amount_fen: number;
  term_months: number;
  method: string;
  purpose: string;
  status: string;
  reasons: Json<Array<{ code: string; message: string }>>;
  category: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  /** The risk engine's decision id (migration 003); null for applications decided before it. */
  risk_decision_id: string | null;
}
export interface OffersTable {
  id: string;
  application_id: string;
  user_id: string;
  limit_fen: number;
  annual_rate: string;
  term_months: number;
  method: string;
  day_count: string;
  valid_until: Timestamp;
  created_at: Timestamp;
}
export interface ContractsTable {
  id: string;
  offer_id: string;
  user_id: string;
  status: string;
  terms: Json<Record<string, unknown>>;
  created_at: Timestamp;
  signed_at: Timestamp | null;
}
export interface LoansTable {
  id: string;
  user_id: string;
  contract_id: string;
  account_id: string;
  principal_fen: number;
  annual_rate: string;
  term_months: number;
  method: string;
  day_count: string;
  start_date: string;
  status: string;
  renewed_from: string | null;
  created_at: Timestamp;
  settled_at: Timestamp | null;
}
export interface InstalmentsTable {
  loan_id: string;
  seq: number;
  balance_fen: number;
  due_date: string;
  principal_fen: number;
  interest_fen: number;
  /** Of interest_fen: deferred interest share (延期还本付息). */
  deferred_interest_fen: Generated<number>;
  /** Of interest_fen: interest accrued on principal prepaid earlier in the period. */
  carried_accrued_fen: Generated<number>;
  /** Of interest_fen: the rest of a period whose instalment was paid early, carried into this row. */
  carried_interest_fen: Generated<number>;
  paid_principal_fen: Generated<number>;
  paid_interest_fen: Generated<number>;
  paid_penalty_fen: Generated<number>;
  status: string;
  paid_at: Timestamp | null;
}
export interface RepaymentsTable {
  id: string;
  loan_id: string;
  user_id: string;
  kind: string;
  amount_fen: number;
  principal_fen: number;
  interest_fen: number;
  penalty_fen: number;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
}
export interface DeferralsTable {
  id: string;
  loan_id: string;
  user_id: string;
  option: string;
  months: number;
  extra_interest_fen: number;
  status: string;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
}
export interface RenewalsTable {
  id: string;
  loan_id: string;
  user_id: string;
  new_loan_id: string | null;
  term_months: number;
  status: string;
  created_at: Timestamp;
}
export interface NoticesTable {
  id: string;
  user_id: string | null;
  kind: string;
  title: string;
  body: string;
  ref: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Timestamp;
}
export interface RiskSessionsTable {
  id: string;
  key_id: string;
  mac_key: string;
  enc_key: string;
  created_at: number;
  expires_at: number;
  last_seq: number;
  /** The customer the session is bound to (migration 006); null while unbound. */
  customer_id: string | null;
}
export interface RiskNoncesTable {
  nonce: string;
  session_id: string;
  keep_until: number;
}
export interface TelemetryEventsTable {
  event_id: string;
  session_id: string;
  kind: string;
  payload: Json<unknown>;
  received_at: Timestamp;
}
/** A challenge the risk engine raised on a money move (migration 003). */
export interface RiskChallengesTable {
  /** The engine decision that raised it. */
  decision_id: string;
  user_id: string;
  action: string;
  kind: 'step_up' | 'hold';
  /** Step-up: the request it was raised on (route, params, body); only that request may pass it. */
  request_hash: string | null;
  created_at: Timestamp;
  /** Step-up: the code must be entered by then. Hold: a released hold must be used by then. */
  expires_at: Timestamp | null;
  sms_sent_at: Timestamp | null;
  /** null while open; `passed` (SMS), `released` or `refused` (staff). */
  resolution: string | null;
  resolved_at: Timestamp | null;
  /** `sms` or the staff actor. */
  resolved_by: string | null;
  resolve_reason: string | null;
  /** When a resubmitted move went through on it (each challenge lets one move through). */
  used_at: Timestamp | null;
}

// Risk engine state (migration 002). Times are Unix ms; `record` holds the whole stored object.
export interface EngineObservationsTable {
  key: string;
  member: string;
  at: number;
}
export interface EngineChannelBucketsTable {
  channel: string;
  start_at: number;
  applications: number;
  approved: number;
  risky: number;
}
export interface EngineChannelConditionsTable {
  id: string;
  channel: string;
  from_at: number;
  ended_at: number | null;
  record: Json<Record<string, unknown>>;
}
export interface EngineSurgeAlertsTable {
  id: string;
  channel: string;
  at: number;
  kind: string;
  record: Json<Record<string, unknown>>;
}
export interface EngineDecisionsTable {
  decision_id: string;
  at: number;
  action: string;
  channel: string;
  outcome: string;
  score: number;
  rule_set_id: string;
  rule_set_version: number;
  reasons: Json<string[]>;
  record: Json<Record<string, unknown>>;
}

// The risk-operations console (migration 004). JSON documents are kept as text, exactly as written.
export interface StaffUsersTable {
  id: string;
  username: string;
  display_name: string;
  role: 'analyst' | 'supervisor';
  password_hash: string;
  /** Base32 TOTP secret (RFC 6238). */
  totp_secret: string;
  totp_last_step: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}
export interface StaffSessionsTable {
  token_hash: string;
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
}
/** Append-only: the app only inserts; a trigger refuses UPDATE, DELETE and TRUNCATE. */
export interface StaffAuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actor: string;
  actor_kind: 'session' | 'key' | 'login';
  role: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target: string | null;
  reason: string | null;
  detail: string;
  request_id: string | null;
  ip: string | null;
}
/** The customer (and device) behind each engine decision, for the console's decision page. */
export interface DecisionCustomersTable {
  decision_id: string;
  user_id: string;
  device: string | null;
  action: string;
  channel: string;
  outcome: string;
  at: number;
}
export interface ReviewsTable {
  id: string;
  user_id: string;
  /** A review of an automated decision, or a complaint (migration 007). */
  kind: Generated<'review' | 'complaint'>;
  /** A complaint's category (COMPLAINT_CATEGORIES in services/reviews.ts); null for a review. */
  category: string | null;
  /** What it concerns; a complaint names an application or nothing. */
  subject: 'application' | 'decision' | 'none';
  application_id: string | null;
  decision_id: string | null;
  reason: string;
  status: 'submitted' | 'in_review' | 'answered';
  created_at: Timestamp;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
  verdict: 'uphold' | 'overturn' | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}
export interface RuleSetVersionsTable {
  id: string;
  rule_set_id: string;
  version: number;
  hash: string;
  file: string;
  source: 'start-up' | 'upload';
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}
export interface RuleBacktestsTable {
  id: string;
  version_id: string;
  from_at: Timestamp;
  to_at: Timestamp;
  run_by: string;
  run_at: Timestamp;
  summary: string;
}
export interface RuleSetRequestsTable {
  id: string;
  rule_set_id: string;
  version_id: string;
  backtest_id: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  proposed_by: string;
  proposed_at: Timestamp;
  reason: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}
export interface RuleSetPublicationsTable {
  seq: Generated<number>;
  rule_set_id: string;
  version_id: string;
  event: 'activated' | 'proposed' | 'approved' | 'rejected' | 'withdrawn';
  actor: string;
  reason: string | null;
  request_id: string | null;
  at: Timestamp;
}
export interface SimulationRunsTable {
  id: string;
  scenario: string;
  scale: number;
  seed: number | null;
  status: 'running' | 'done' | 'stopped' | 'failed';
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  summary: string | null;
  report_html: string | null;
  error: string | null;
}

export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  sms_codes: SmsCodesTable;
  consents: ConsentsTable;
  customers: CustomersTable;
  enterprises: EnterprisesTable;
  accounts: AccountsTable;
  applications: ApplicationsTable;
  offers: OffersTable;
  contracts: ContractsTable;
  loans: LoansTable;
  instalments: InstalmentsTable;
  repayments: RepaymentsTable;
  deferrals: DeferralsTable;
  renewals: RenewalsTable;
  notices: NoticesTable;
  idempotency_keys: IdempotencyKeysTable;
  risk_sessions: RiskSessionsTable;
  risk_nonces: RiskNoncesTable;
  telemetry_events: TelemetryEventsTable;
  risk_challenges: RiskChallengesTable;
  engine_observations: EngineObservationsTable;
  engine_channel_buckets: EngineChannelBucketsTable;
  engine_channel_conditions: EngineChannelConditionsTable;
  engine_surge_alerts: EngineSurgeAlertsTable;
  engine_decisions: EngineDecisionsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_audit_log: StaffAuditLogTable;
  decision_customers: DecisionCustomersTable;
  reviews: ReviewsTable;
  rule_set_versions: RuleSetVersionsTable;
  rule_backtests: RuleBacktestsTable;
  rule_set_requests: RuleSetRequestsTable;
  rule_set_publications: RuleSetPublicationsTable;
  simulation_runs: SimulationRunsTable;
}
