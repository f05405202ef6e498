import { sql } from 'kysely';
import type { Db } from '../db/connect';
import {
  describeEngineStoreContract,
  sampleDecision,
} from '../../../sdk/src/server/engine/state/engine-store.contract';
import { createTestDb, dropTestDb, secondConnection } from '../../test/db';
import { createSqlEngineStore } from './sql-engine-store';

// PGlite in memory by default; PostgreSQL (a fresh schema for this file) when TEST_DATABASE_URL is set.
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

// One migrated database for the file (starting PGlite takes seconds); every test starts from empty tables.
let db: Db & { testSchema?: string };
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => dropTestDb(db));

async function emptyStore() {
  await sql`truncate engine_observations, engine_channel_buckets, engine_channel_conditions,
    engine_surge_alerts, engine_decisions`.execute(db);
  return createSqlEngineStore(db);
}

describeEngineStoreContract(`SQL (${engine})`, async () => ({
  store: await emptyStore(),
  close: async () => undefined,
}));

describe(`SQL engine store (${engine})`, () => {
  test('two server processes on one database share counts and buckets', async () => {
    const a = await emptyStore();
    const other = await secondConnection(db);
    try {
      const b = createSqlEngineStore(other.db);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          Promise.all([
            (i % 2 ? a : b).observe(1000 + i, [['dev:1', `id:${i}`]]),
            (i % 2 ? b : a).bumpBucket('wx-ad', 0, { applications: 1, approved: 0, risky: 1 }),
          ]),
        ),
      );
      expect(await a.countDistinct([{ key: 'dev:1', since: 1010 }])).toEqual([10]);
      expect(await b.buckets('wx-ad', 0, 1)).toEqual([
        { channel: 'wx-ad', start: 0, applications: 20, approved: 0, risky: 20 },
      ]);
    } finally {
      await other.close();
    }
  });

  test('records are stored as json text, with the filtered columns beside them', async () => {
    const d = sampleDecision(3, { channel: 'qr-shop' });
    await (await emptyStore()).putDecision(d);
    const r = await sql<{ t: string; channel: string; score: number; reasons: string[] }>`
      select record::text as t, channel, score, reasons from engine_decisions`.execute(db);
    expect(r.rows).toEqual([{ t: JSON.stringify(d), channel: 'qr-shop', score: d.score, reasons: d.reasons }]);
  });
});
