import { type Kysely, sql } from 'kysely';

// The risk engine's state (sdk/src/server/engine/state/engine-store.ts): velocity observations,
// per-channel buckets, lockdown conditions, surge alerts and decision records. Times are bigint Unix
// ms, as the engine speaks them. Ids and channels that are sorted use the "C" collation so SQL
// orders them exactly as JavaScript compares strings (uuidv7 decision ids sort by time).
// Each record-like row keeps the whole object as `json` (text kept as written: key order and
// numbers come back unchanged) beside the columns that queries filter and sort on.
export async function up(db: Kysely<unknown>): Promise<void> {
  const textC = sql`text collate "C"`;
  await db.schema
    .createTable('engine_observations')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  // Covering: a distinct count over (key, at >= since) is an index-only range scan.
  await db.schema
    .createIndex('engine_observations_key_at')
    .on('engine_observations')
    .columns(['key', 'at', 'member'])
    .execute();
  // Purge deletes by time alone; rows arrive roughly in time order, so a tiny BRIN index serves it
  // without slowing the hot insert path the way a second btree would.
  await sql`create index engine_observations_at on engine_observations using brin (at)`.execute(db);

  await db.schema
    .createTable('engine_channel_buckets')
    .addColumn('channel', textC, (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('applications', 'integer', (c) => c.notNull())
    .addColumn('approved', 'integer', (c) => c.notNull())
    .addColumn('risky', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('engine_channel_buckets_pk', ['channel', 'start_at'])
    .execute();
  await db.schema.createIndex('engine_channel_buckets_start').on('engine_channel_buckets').column('start_at').execute();

  await db.schema
    .createTable('engine_channel_conditions')
    .addColumn('id', textC, (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    // When the condition stopped applying (lifted or expired); null while open. Drives retention.
    .addColumn('ended_at', 'bigint')
    .addColumn('record', 'json', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('engine_channel_conditions_channel')
    .on('engine_channel_conditions')
    .columns(['channel', 'from_at'])
    .execute();

  await db.schema
    .createTable('engine_surge_alerts')
    .addColumn('id', textC, (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record', 'json', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engine_surge_alerts_at').on('engine_surge_alerts').column('at').execute();
  await db.schema
    .createIndex('engine_surge_alerts_channel')
    .on('engine_surge_alerts')
    .columns(['channel', 'at'])
    .execute();

  await db.schema
    .createTable('engine_decisions')
    .addColumn('decision_id', textC, (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    // Hit codes as jsonb, so "decisions that hit X" can be asked with `reasons ? 'X'` later.
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('record', 'json', (c) => c.notNull())
    .execute();
  // Newest-first pages walk decision_id backwards; filtered pages use the (filter, decision_id) pairs.
  await db.schema.createIndex('engine_decisions_at').on('engine_decisions').column('at').execute();
  await db.schema
    .createIndex('engine_decisions_channel')
    .on('engine_decisions')
    .columns(['channel', 'decision_id'])
    .execute();
  await db.schema
    .createIndex('engine_decisions_outcome')
    .on('engine_decisions')
    .columns(['outcome', 'decision_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'engine_decisions',
    'engine_surge_alerts',
    'engine_channel_conditions',
    'engine_channel_buckets',
    'engine_observations',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
