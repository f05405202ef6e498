import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { Db } from '../db/connect';
import { createTestDb, dropTestDb, secondConnection } from '../../test/db';
import { connectRedis } from './redis-connection';
import { withRedisNonceCache } from './redis-nonce-cache';
import { createSqlRiskStore, type RiskStore } from './sql-risk-store';

// Runs only with a Redis to talk to (`.ci/run` starts Debian's redis-server and sets this); the
// authority behind the cache is the SQL store on PGlite, or PostgreSQL with TEST_DATABASE_URL.
const url = process.env.TEST_REDIS_URL;
const NOW = 1_800_000_000_000;
const KEEP = NOW + 5 * 60_000;

if (!url) {
  test.todo('Redis nonce cache: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run its tests');
} else {
  let db: Db & { testSchema?: string };
  let redis: Redis;
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDb();
    redis = connectRedis(url);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await dropTestDb(db);
  });

  /** A fresh session on the SQL store, the store behind the cache (spied), and the cache. */
  async function fresh(sqlStore: RiskStore = createSqlRiskStore(db), client: Redis = redis) {
    const sid = `s${n++}-${randomBytes(4).toString('hex')}`;
    await sqlStore.putSession({
      id: sid,
      keyId: 'k',
      macKey: 'm',
      encKey: 'e',
      createdAt: NOW,
      expiresAt: KEEP,
      lastSeq: 0,
    });
    const claims = jest.spyOn(sqlStore, 'commitToken');
    const cache = withRedisNonceCache(sqlStore, { redis: client, prefix, clock: () => NOW });
    return { sid, sqlStore, claims, cache };
  }

  describe('Redis nonce cache in front of the SQL risk store', () => {
    test('a claimed nonce is remembered until keepUntil; its replay is refused from Redis without SQL', async () => {
      const { sid, claims, cache } = await fresh();
      expect(await cache.commitToken(sid, 'n1', 1, KEEP)).toBe('ok');
      const ttl = await redis.pttl(`${prefix}n:${sid}:n1`);
      expect(ttl).toBeGreaterThan(5 * 60_000 - 5_000);
      expect(ttl).toBeLessThanOrEqual(5 * 60_000);
      expect(await cache.commitToken(sid, 'n1', 2, KEEP)).toBe('REPLAY_NONCE');
      expect(claims).toHaveBeenCalledTimes(1);
    });

    test('another instance (its own SQL pool and cache, the same Redis) refuses the replay from Redis', async () => {
      const a = await fresh();
      expect(await a.cache.commitToken(a.sid, 'n1', 1, KEEP)).toBe('ok');
      const conn = await secondConnection(db);
      try {
        const storeB = createSqlRiskStore(conn.db);
        const claimsB = jest.spyOn(storeB, 'commitToken');
        const b = withRedisNonceCache(storeB, { redis, prefix, clock: () => NOW });
        expect(await b.commitToken(a.sid, 'n1', 1, KEEP)).toBe('REPLAY_NONCE');
        expect(claimsB).not.toHaveBeenCalled();
      } finally {
        await conn.close();
      }
    });

    test('SQL stays the authority: with the cache flushed the replay is still refused, and cached again', async () => {
      const { sid, claims, cache } = await fresh();
      expect(await cache.commitToken(sid, 'n1', 1, KEEP)).toBe('ok');
      await redis.del(`${prefix}n:${sid}:n1`);
      expect(await cache.commitToken(sid, 'n1', 2, KEEP)).toBe('REPLAY_NONCE');
      expect(claims).toHaveBeenCalledTimes(2);
      expect(await redis.exists(`${prefix}n:${sid}:n1`)).toBe(1);
    });

    test('a rewound token leaves no trace in Redis either, and its fresh nonce stays usable in order', async () => {
      const { sid, cache } = await fresh();
      expect(await cache.commitToken(sid, 'n1', 5, KEEP)).toBe('ok');
      expect(await cache.commitToken(sid, 'n2', 4, KEEP)).toBe('SEQ_REWIND');
      expect(await redis.exists(`${prefix}n:${sid}:n2`)).toBe(0);
      expect(await cache.commitToken(sid, 'n2', 6, KEEP)).toBe('ok');
    });

    test('twins sent at once: one is claimed, the other refused as a replay', async () => {
      const { sid, cache } = await fresh();
      const answers = await Promise.all([cache.commitToken(sid, 'tw', 1, KEEP), cache.commitToken(sid, 'tw', 1, KEEP)]);
      expect(answers.sort()).toEqual(['REPLAY_NONCE', 'ok']);
    });

    test('a claim that failed in SQL removes its mark, so the resend reaches SQL and is accepted', async () => {
      const { sid, claims, cache } = await fresh();
      claims.mockRejectedValueOnce(Object.assign(new Error('connection lost'), { code: 'ECONNRESET' }));
      await expect(cache.commitToken(sid, 'n1', 1, KEEP)).rejects.toThrow('connection lost');
      expect(await redis.exists(`${prefix}n:${sid}:n1`)).toBe(0);
      expect(await cache.commitToken(sid, 'n1', 1, KEEP)).toBe('ok');
    });

    test('a nonce whose keepUntil has passed is not cached (SQL purges it too)', async () => {
      const { sid, cache } = await fresh();
      expect(await cache.commitToken(sid, 'old', 1, NOW - 1)).toBe('ok');
      expect(await redis.exists(`${prefix}n:${sid}:old`)).toBe(0);
    });

    test('Redis unreachable: SQL decides alone, answers unchanged, nothing thrown', async () => {
      const down = connectRedis('redis://127.0.0.1:1', { commandTimeoutMs: 200, onError: () => undefined });
      try {
        const { sid, claims, cache } = await fresh(createSqlRiskStore(db), down);
        expect(await cache.commitToken(sid, 'n1', 1, KEEP)).toBe('ok');
        expect(await cache.commitToken(sid, 'n1', 2, KEEP)).toBe('REPLAY_NONCE');
        expect(claims).toHaveBeenCalledTimes(2);
      } finally {
        down.disconnect();
      }
    });
  });
}
