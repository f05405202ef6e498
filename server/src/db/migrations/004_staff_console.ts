import { type Kysely, sql } from 'kysely';

// The risk-operations console: staff accounts (scrypt password + TOTP), their sessions, an
// append-only audit log, the customer behind each engine decision, human reviews (PIPL Art. 24),
// versioned rule sets with a publication log and four-eyes activation requests, backtests, and
// simulator runs started from the console.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text', (c) => c.notNull())
    // The last TOTP time step accepted: a code is good once (RFC 6238 §5.2).
    .addColumn('totp_last_step', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('disabled_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('staff_audit_log')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('staff_audit_log_at').on('staff_audit_log').column('at').execute();
  // Append-only in the database itself, not only by convention in the app: UPDATE, DELETE and
  // TRUNCATE are refused for every role the app connects as.
  await sql`
    create function staff_audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'staff_audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger staff_audit_log_no_change before update or delete on staff_audit_log
    for each row execute function staff_audit_log_append_only()`.execute(db);
  await sql`
    create trigger staff_audit_log_no_truncate before truncate on staff_audit_log
    for each statement execute function staff_audit_log_append_only()`.execute(db);

  await db.schema
    .createTable('decision_customers')
    .addColumn('decision_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('device', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_customers_device').on('decision_customers').columns(['device', 'at']).execute();
  await db.schema.createIndex('decision_customers_user').on('decision_customers').columns(['user_id', 'at']).execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('verdict', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('reviews_status').on('reviews').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('reviews_user').on('reviews').columns(['user_id', 'created_at']).execute();
  // One open review per decided thing: a second request while one is open is refused.
  await sql`create unique index reviews_open_once on reviews (coalesce(application_id, decision_id))
    where status <> 'answered'`.execute(db);

  await db.schema
    .createTable('rule_set_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('rule_set_versions_content', ['rule_set_id', 'hash'])
    .execute();

  await db.schema
    .createTable('rule_backtests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('rule_set_versions.id'))
    .addColumn('from_at', 'timestamptz', (c) => c.notNull())
    .addColumn('to_at', 'timestamptz', (c) => c.notNull())
    .addColumn('run_by', 'text', (c) => c.notNull())
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rule_backtests_version')
    .on('rule_backtests')
    .columns(['version_id', 'run_at'])
    .execute();

  await db.schema
    .createTable('rule_set_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('rule_set_versions.id'))
    .addColumn('backtest_id', 'text', (c) => c.notNull().references('rule_backtests.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_reason', 'text')
    .execute();
  // Marble: one pending activation per rule set at a time.
  await sql`create unique index rule_set_requests_one_pending on rule_set_requests (rule_set_id)
    where status = 'pending'`.execute(db);

  // The publication log: what was live when, and who asked and who approved.
  await db.schema
    .createTable('rule_set_publications')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('rule_set_versions.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('request_id', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rule_set_publications_set')
    .on('rule_set_publications')
    .columns(['rule_set_id', 'seq'])
    .execute();

  await db.schema
    .createTable('simulation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('scale', 'double precision', (c) => c.notNull())
    .addColumn('seed', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('summary', 'text')
    .addColumn('report_html', 'text')
    .addColumn('error', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'simulation_runs',
    'rule_set_publications',
    'rule_set_requests',
    'rule_backtests',
    'rule_set_versions',
    'reviews',
    'decision_customers',
    'staff_audit_log',
    'staff_sessions',
    'staff_users',
  ])
    await db.schema.dropTable(t).execute();
  await sql`drop function if exists staff_audit_log_append_only()`.execute(db);
}
