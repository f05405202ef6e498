import { type Kysely } from 'kysely';

// The risk engine's decision behind each application (its full record lives in the engine store),
// and the challenges it raised on money moves: an SMS re-check (step-up) or a hold for staff review.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('risk_decision_id', 'text').execute();
  await db.schema
    .createTable('risk_challenges')
    .addColumn('decision_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('sms_sent_at', 'timestamptz')
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'text')
    .addColumn('resolve_reason', 'text')
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('risk_challenges_user')
    .on('risk_challenges')
    .columns(['user_id', 'kind', 'action'])
    .execute();
  await db.schema
    .createIndex('risk_challenges_open')
    .on('risk_challenges')
    .columns(['kind', 'resolution', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('risk_challenges').execute();
  await db.schema.alterTable('applications').dropColumn('risk_decision_id').execute();
}
