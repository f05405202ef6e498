import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { createMemoryEngineStore } from '../../../sdk/src/server/engine/state/memory-engine-store';
import { describeEngineStoreContract } from '../../../sdk/src/server/engine/state/engine-store.contract';
import type { Db } from '../db/connect';
import { isDbUnavailable } from '../db/resilience';
import { createTestDb, dropTestDb } from '../../test/db';
import { connectRedis } from './redis-connection';
import { createRedisEngineStore } from './redis-engine-store';
import { createSqlEngineStore } from './sql-engine-store';
import { sql } from 'kysely';
import { buildApp } from '../app';
import { json, TEST_IDENTITY_KEY } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

// Runs only with a Redis to talk to (`.ci/run` starts Debian's redis-server and sets this); the
// durable half is the SQL store on PGlite, or PostgreSQL when TEST_DATABASE_URL is set.
const url = process.env.TEST_REDIS_URL;
const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

if (!url) {
  test.todo('Redis engine store: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run its contract and tests');
} else {
  let db: Db & { testSchema?: string };
  let redis: Redis;
  /** Every store of this file writes under one random namespace; each test gets its own below it. */
  const filePrefix = `test:${randomBytes(6).toString('hex')}:`;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDb();
    redis = connectRedis(url);
  });
  afterAll(async () => {
    await dropKeys(redis, filePrefix);
    await redis.quit();
    await dropTestDb(db);
  });

  const fresh = async (o: { windowMs?: number; client?: Redis; prefix?: string } = {}) => {
    await sql`truncate engine_channel_conditions, engine_surge_alerts, engine_decisions`.execute(db);
    const prefix = o.prefix ?? `${filePrefix}${n++}:`;
    return {
      prefix,
      store: createRedisEngineStore({
        redis: o.client ?? redis,
        durable: createSqlEngineStore(db),
        prefix,
        windowMs: o.windowMs,
      }),
    };
  };

  describeEngineStoreContract('Redis', async () => ({ store: (await fresh()).store, close: async () => undefined }));

  describe('Redis engine store', () => {
    test('hot state is in Redis with TTLs, the decisions in SQL', async () => {
      const { store, prefix } = await fresh({ windowMs: 7 * 86_400_000 });
      await store.observe(T0, [['dev:1', 'id:1']]);
      await store.bumpBucket('wx-ad', T0, { applications: 1, approved: 1, risky: 0 });
      const keys = (await redis.keys(`${prefix}*`)).sort();
      expect(keys).toEqual([`${prefix}b:wx-ad`, `${prefix}bi:wx-ad`, `${prefix}ch`, `${prefix}o:dev:1`]);
      for (const k of keys) {
        const ttl = await redis.pttl(k);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(7 * 86_400_000);
      }
      const rows = await sql<{ n: number }>`
        select (select count(*) from engine_observations)::int + (select count(*) from engine_channel_buckets)::int as n`.execute(
        db,
      );
      expect(rows.rows[0].n).toBe(0);
    });

    test('two instances on one Redis see each other’s observations and bumps', async () => {
      const { store: a, prefix } = await fresh();
      const other = connectRedis(url);
      try {
        const { store: b } = await fresh({ client: other, prefix });
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            Promise.all([
              (i % 2 ? a : b).observe(T0 + i, [['dev:1', `id:${i}`]]),
              (i % 2 ? b : a).bumpBucket('wx-ad', T0, { applications: 1, approved: 0, risky: 1 }),
            ]),
          ),
        );
        expect(await a.countDistinct([{ key: 'dev:1', since: T0 + 10 }])).toEqual([10]);
        expect(await b.countDistinct([{ key: 'dev:1', since: T0 }])).toEqual([20]);
        expect(await b.buckets('wx-ad', T0, T0 + 1)).toEqual([
          { channel: 'wx-ad', start: T0, applications: 20, approved: 0, risky: 20 },
        ]);
      } finally {
        other.disconnect();
      }
    });

    test('sightings and buckets older than the window are trimmed as newer ones arrive', async () => {
      const { store } = await fresh({ windowMs: 10 * MIN });
      await store.observe(T0, [
        ['k', 'old'],
        ['k', 'kept'],
      ]);
      await store.observe(T0 + 5 * MIN, [['k', 'kept']]);
      await store.bumpBucket('wx-ad', T0, { applications: 1, approved: 0, risky: 0 });
      await store.bumpBucket('qr-shop', T0, { applications: 1, approved: 0, risky: 0 });
      await store.observe(T0 + 12 * MIN, [['k', 'new']]);
      await store.bumpBucket('wx-ad', T0 + 12 * MIN, { applications: 2, approved: 1, risky: 0 });
      // Even a question reaching back past the window finds only what is inside it.
      expect(await store.countDistinct([{ key: 'k', since: 0 }])).toEqual([2]);
      expect((await store.buckets('wx-ad', 0, T0 * 2)).map((b) => b.start)).toEqual([T0 + 12 * MIN]);
      expect(await store.channels(0)).toEqual(['wx-ad']);
    });

    test('expired keys vanish: a window nobody writes to is gone after its TTL', async () => {
      const { store, prefix } = await fresh({ windowMs: 200 });
      await store.observe(T0, [['k', 'a']]);
      await store.bumpBucket('wx-ad', T0, { applications: 1, approved: 0, risky: 0 });
      expect(await store.countDistinct([{ key: 'k', since: 0 }])).toEqual([1]);
      // Redis expires keys by wall clock; wait for it (bounded), then nothing of them is left.
      for (let i = 0; i < 100 && (await redis.keys(`${prefix}*`)).length; i++) await sleep(50);
      expect(await redis.keys(`${prefix}*`)).toEqual([]);
      expect(await store.countDistinct([{ key: 'k', since: 0 }])).toEqual([0]);
      expect(await store.buckets('wx-ad', 0, T0 * 2)).toEqual([]);
      expect(await store.channels(0)).toEqual([]);
    });

    test('counts agree with the memory store on a mixed workload', async () => {
      const { store } = await fresh();
      const memory = createMemoryEngineStore();
      for (let i = 0; i < 300; i++) {
        const at = T0 + i * 1000 - (i % 7 === 0 ? 5000 : 0);
        const entries = [
          [`k${i % 5}`, `m${(i * 7) % 23}`],
          [`k${i % 3}`, `m${i % 11}`],
        ] as const;
        await Promise.all([store.observe(at, entries), memory.observe(at, entries)]);
      }
      const queries = [0, 1, 2, 3, 4].flatMap((k) =>
        [0, T0 + 60_000, T0 + 200_000, T0 + 299_000].map((since) => ({ key: `k${k}`, since })),
      );
      expect(await store.countDistinct(queries)).toEqual(await memory.countDistinct(queries));
    });

    test('the bank with redisUrl: engine windows in Redis, decisions in SQL, health reports Redis', async () => {
      await fresh();
      const prefix = `${filePrefix}app:`;
      const app = await buildApp({
        db,
        riskKeys,
        redisUrl: url,
        redisPrefix: prefix,
        logger: false,
        identityKey: TEST_IDENTITY_KEY,
      });
      try {
        const apply = (userId: string) =>
          app.riskEngine.decide({
            token: null,
            context: {
              action: 'loan.apply',
              ip: '203.0.113.7',
              userId,
              identities: { residentId: '110105198506150014' },
            },
          });
        const decisions = [await apply('u1'), await apply('u2')];
        expect((await redis.keys(`${prefix}o:*`)).length).toBeGreaterThan(0);
        const observed = await sql<{ n: number }>`select count(*)::int as n from engine_observations`.execute(db);
        expect(observed.rows[0].n).toBe(0);
        for (const d of decisions) expect(await app.riskEngine.decision(d.record.decisionId)).toEqual(d.record);
        expect(json(await app.inject({ url: '/api/health' }))).toMatchObject({ ok: true, database: 'up', redis: 'up' });
      } finally {
        await app.close();
      }
    });

    test('the bank with Redis unreachable: health and decisions answer unavailable, not 500', async () => {
      await fresh();
      const app = await buildApp({
        db,
        riskKeys,
        redisUrl: 'redis://127.0.0.1:1',
        logger: false,
        identityKey: TEST_IDENTITY_KEY,
      });
      try {
        const health = await app.inject({ url: '/api/health' });
        expect(health.statusCode).toBe(503);
        expect(json(health)).toMatchObject({ ok: false, database: 'up', redis: 'unavailable', code: 'DB_UNAVAILABLE' });
        const err = await app.riskEngine
          .decide({ token: null, context: { action: 'loan.apply', ip: '203.0.113.7', userId: 'u1' } })
          .catch((e: unknown) => e);
        expect(isDbUnavailable(err)).toBe(true);
      } finally {
        await app.close();
      }
    });

    test('Redis unreachable: calls fail promptly with an error the bank answers 503 to', async () => {
      // Nothing listens on port 1; the durable half is not involved.
      const down = connectRedis('redis://127.0.0.1:1', { commandTimeoutMs: 500, onError: () => undefined });
      try {
        const store = createRedisEngineStore({ redis: down, durable: createMemoryEngineStore(), prefix: filePrefix });
        const errors = await Promise.all([
          store.countDistinct([{ key: 'k', since: 0 }]).catch((e: unknown) => e),
          store.observe(T0, [['k', 'a']]).catch((e: unknown) => e),
          store.bumpBucket('wx-ad', T0, { applications: 1, approved: 0, risky: 0 }).catch((e: unknown) => e),
        ]);
        for (const e of errors) {
          expect(e).toBeInstanceOf(Error);
          expect(isDbUnavailable(e)).toBe(true);
        }
      } finally {
        down.disconnect();
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function dropKeys(redis: Redis, prefix: string): Promise<void> {
  const names = await redis.keys(`${prefix}*`);
  if (names.length) await redis.del(...names);
}
