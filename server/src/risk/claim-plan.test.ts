import { sql } from 'kysely';
import { createTestDb, dropTestDb } from '../../test/db';
import type { Db } from '../db/connect';
import { claimStatement } from './sql-risk-store';

// PostgreSQL's plan for the token claim (PGlite plans the same way, but its plan cache is not what
// the bank's pool runs with in production). The claim is a prepared statement, so it runs on a
// generic plan: PostgreSQL guesses 100 input rows whatever the batch and keeps the plan as the
// tables grow. Such a plan must still find a nonce by its key, never by reading every nonce.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let db: Db & { testSchema?: string };
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => dropTestDb(db));

(onPostgres ? test : test.skip)(
  'the generic plan of the claim probes nonces by key, not by scanning them all',
  async () => {
    // Not analyzed, as a new bank's tables are until autovacuum gets to them: the old text of this
    // statement scanned both tables in full under these estimates.
    await sql`
      insert into risk_sessions (id, key_id, mac_key, enc_key, created_at, expires_at, last_seq)
      select 'plan-' || g, 'k', 'm', 'e', 1, 1e15, 0 from generate_series(1, 20000) g`.execute(db);
    await sql`
      insert into risk_nonces (session_id, nonce, keep_until)
      select 'plan-' || (g % 20000 + 1), 'n' || g, 1e15 from generate_series(1, 40000) g`.execute(db);
    const compiled = claimStatement([
      { claim: { sessionId: 'plan-1', nonce: 'fresh', seq: 1, keepUntil: 1e15 }, rows: [] },
    ]).compile(db);
    const plan = await db.connection().execute(async (c) => {
      await sql`set plan_cache_mode = force_generic_plan`.execute(c);
      await sql.raw(`prepare claim_plan(jsonb) as ${compiled.sql.replace('$1::jsonb', '$1')}`).execute(c);
      const r = await sql<{
        'QUERY PLAN': string;
      }>`explain execute claim_plan(${sql.lit(compiled.parameters[0])})`.execute(c);
      await sql`deallocate claim_plan`.execute(c);
      await sql`reset plan_cache_mode`.execute(c);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan using risk_nonces_pk on risk_nonces/);
    expect(plan).not.toMatch(/Seq Scan on risk_nonces/);
    expect(plan).not.toMatch(/Seq Scan on risk_sessions/);
  },
);
