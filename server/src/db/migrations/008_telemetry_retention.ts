import { type Kysely, sql } from 'kysely';

// Telemetry is deleted at the retention its notice states (services/telemetry-retention.ts), by
// age. Rows arrive in time order, so a BRIN index finds the old ones from a few hundred bytes of
// index and costs the ingest path almost nothing (a B-tree on received_at would be one more
// index entry per event on the hottest write).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index telemetry_events_received on telemetry_events using brin (received_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index telemetry_events_received`.execute(db);
}
