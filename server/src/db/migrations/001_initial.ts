import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

// Identity, consent, customer and enterprise data, the lending lifecycle, idempotency, risk state.
// Dates that are calendar dates (due dates, registration dates) are text YYYY-MM-DD so no driver
// ever shifts them through a time zone; instants are timestamptz.
// Migrations see the database as it was when they were written, so they are untyped on purpose.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('openid', 'text', (c) => c.notNull().unique())
    .addColumn('session_key_hash', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('created_at', 'timestamptz', ts)
    .execute();
  await db.schema
    .createTable('auth_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', ts)
    .addColumn('expires_at', 'timestamptz', ts)
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('sms_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', ts)
    .addColumn('expires_at', 'timestamptz', ts)
    .addColumn('consumed_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sms_codes_phone').on('sms_codes').columns(['phone', 'created_at']).execute();
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'timestamptz', ts)
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('consents_user').on('consents').columns(['user_id', 'purpose']).execute();
  await db.schema
    .createTable('customers')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz', ts)
    .addColumn('face_verified_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_rep_name', 'text', (c) => c.notNull())
    .addColumn('registration_date', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('annual_revenue_fen', 'bigint', (c) => c.notNull())
    .addColumn('employees', 'integer', (c) => c.notNull())
    .addColumn('applicant_role', 'text', (c) => c.notNull())
    .addColumn('authorisation_ref', 'text')
    .addColumn('created_at', 'timestamptz', ts)
    .addUniqueConstraint('enterprises_user_uscc', ['user_id', 'uscc'])
    .execute();
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_no', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('luhn_valid', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', ts)
    .execute();
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('created_at', 'timestamptz', ts)
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('applications_user').on('applications').column('user_id').execute();
  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().unique().references('applications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('limit_fen', 'bigint', (c) => c.notNull())
    .addColumn('annual_rate', 'text', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz', ts)
    .addColumn('created_at', 'timestamptz', ts)
    .execute();
  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('offer_id', 'text', (c) => c.notNull().unique().references('offers.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('terms', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', ts)
    .addColumn('signed_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('loans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('principal_fen', 'bigint', (c) => c.notNull())
    .addColumn('annual_rate', 'text', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('renewed_from', 'text')
    .addColumn('created_at', 'timestamptz', ts)
    .addColumn('settled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('loans_user').on('loans').column('user_id').execute();
  await db.schema
    .createTable('instalments')
    .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('balance_fen', 'bigint', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('principal_fen', 'bigint', (c) => c.notNull())
    .addColumn('interest_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_principal_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_interest_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_penalty_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'timestamptz')
    .addPrimaryKeyConstraint('instalments_pk', ['loan_id', 'seq'])
    .execute();
  for (const t of ['repayments', 'deferrals', 'renewals']) {
    let b = db.schema
      .createTable(t)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('loan_id', 'text', (c) => c.notNull().references('loans.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'timestamptz', ts);
    if (t === 'repayments') {
      b = b
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('principal_fen', 'bigint', (c) => c.notNull())
        .addColumn('interest_fen', 'bigint', (c) => c.notNull())
        .addColumn('penalty_fen', 'bigint', (c) => c.notNull())
        .addColumn('detail', 'jsonb', (c) => c.notNull());
    } else if (t === 'deferrals') {
      b = b
        .addColumn('option', 'text', (c) => c.notNull())
        .addColumn('months', 'integer', (c) => c.notNull())
        .addColumn('extra_interest_fen', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('detail', 'jsonb', (c) => c.notNull());
    } else {
      b = b
        .addColumn('new_loan_id', 'text')
        .addColumn('term_months', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull());
    }
    await b.execute();
    await db.schema.createIndex(`${t}_loan`).on(t).column('loan_id').execute();
  }
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', ts)
    .addColumn('read_at', 'timestamptz')
    .execute();
  // One notice per (user, kind, ref): generating "due soon" twice for the same instalment is a no-op.
  await sql`create unique index notices_once on notices (coalesce(user_id, ''), kind, ref)`.execute(db);
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', ts)
    .addPrimaryKeyConstraint('idempotency_pk', ['user_id', 'key'])
    .execute();
  await db.schema
    .createTable('risk_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('mac_key', 'text', (c) => c.notNull())
    .addColumn('enc_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('risk_nonces')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('keep_until', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_nonces_pk', ['session_id', 'nonce'])
    .execute();
  await db.schema.createIndex('risk_nonces_keep').on('risk_nonces').column('keep_until').execute();
  await db.schema
    .createTable('telemetry_events')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', ts)
    // Event ids are client-made: scoping them to the session stops one client from pre-claiming another's.
    .addPrimaryKeyConstraint('telemetry_events_pk', ['session_id', 'event_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'telemetry_events',
    'risk_nonces',
    'risk_sessions',
    'idempotency_keys',
    'notices',
    'renewals',
    'deferrals',
    'repayments',
    'instalments',
    'loans',
    'contracts',
    'offers',
    'applications',
    'accounts',
    'enterprises',
    'customers',
    'consents',
    'sms_codes',
    'auth_sessions',
    'users',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
