/**
 * The risk engine's state stores under the load of its decisions: each simulated decision observes
 * 8 (key, member) pairs and asks 12 distinct counts over 1 h … 30 d windows in one call, as the
 * engine does. Memory store, PGlite (on disk, in a temp dir), PostgreSQL when BENCH_DATABASE_URL
 * or TEST_DATABASE_URL is set (a throwaway schema) and Redis when BENCH_REDIS_URL or TEST_REDIS_URL
 * is set (a throwaway key prefix, deleted after).
 *   npx tsx server/bench/engine-store.bench.ts
 *   BENCH_DATABASE_URL=postgres://… BENCH_REDIS_URL=redis://127.0.0.1:6379 npx tsx server/bench/engine-store.bench.ts
 * Per store: a warm-up that fills the tables (not timed), then one decision at a time (p50/p99 of
 * one decision, decisions/s), then BENCH_CONCURRENCY decisions in flight (decisions/s).
 * Simulated time advances 8.64 s per decision (10,000 applications a day).
 * Env: BENCH_DECISIONS (default 2000 per phase), BENCH_WARMUP (default 5000), BENCH_CONCURRENCY (default 16).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CountQuery, EngineStore, Observation } from '@lingjie/risk-sdk/engine';
import { createMemoryEngineStore } from '../../sdk/src/server/engine/state/memory-engine-store';
import { createSeededPrng } from '../../sdk/src/platform/seeded-random';
import { onEachSqlDatabase } from './bench-databases';
import { createSqlEngineStore } from '../src/risk/sql-engine-store';
import { connectRedis } from '../src/risk/redis-connection';
import { createRedisEngineStore } from '../src/risk/redis-engine-store';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const STEP_MS = 8640;
const T0 = Date.UTC(2025, 0, 6);
const H = 3_600_000;

/** A keyed-hash-looking value (the engine stores HMAC hashes, never clear identities). */
const hashed = (prefix: string, v: string | number) =>
  `${prefix}:${createHash('sha256').update(String(v)).digest('base64url').slice(0, 22)}`;

interface Step {
  at: number;
  entries: Observation[];
  queries: CountQuery[];
}

/**
 * Applicants drawn from pools sized like a day of traffic with repeat visitors, a device farm
 * (few devices, many identities) and an office NAT (one IP, many owners).
 */
function workload(seed: number): (i: number) => Step {
  const next = createSeededPrng(seed);
  const pick = (n: number) => next() % n;
  return (i) => {
    const at = T0 + i * STEP_MS;
    const farm = pick(10) === 0;
    const person = farm ? 100_000 + pick(5000) : pick(20_000);
    const device = hashed('d', farm ? `farm${pick(20)}` : `dev${person}`);
    const identity = hashed('id', person);
    const ip = hashed('ip', farm ? `farm-ip${pick(3)}` : pick(20) === 0 ? 'office-nat' : `ip${person % 8000}`);
    const subnet = hashed('net', farm ? 'farm-net' : `net${person % 600}`);
    const app = `app-${i}`;
    const k = {
      devIds: `dev>id|${device}`,
      idDevs: `id>dev|${identity}`,
      appId: `app|${identity}`,
      appPhone: `app|${hashed('ph', person)}`,
      appUscc: `app|${hashed('us', person % 15_000)}`,
      appIp: `app|${ip}`,
      appNet: `app|${subnet}`,
      acctUsers: `acct>user|${hashed('ac', person % 18_000)}`,
    };
    const entries: Observation[] = [
      [k.devIds, identity],
      [k.idDevs, device],
      [k.appId, app],
      [k.appPhone, app],
      [k.appUscc, app],
      [k.appIp, app],
      [k.appNet, app],
      [k.acctUsers, hashed('u', person)],
    ];
    const q = (key: string, hours: number) => ({ key, since: at - hours * H });
    const queries = [
      q(k.devIds, 24),
      q(k.devIds, 24 * 7),
      q(k.idDevs, 24),
      q(k.idDevs, 24 * 30),
      q(k.appId, 1),
      q(k.appId, 24),
      q(k.appPhone, 24),
      q(k.appUscc, 24),
      q(k.appIp, 1),
      q(k.appIp, 24),
      q(k.appNet, 1),
      q(k.acctUsers, 24 * 30),
    ];
    return { at, entries, queries };
  };
}

async function decide(store: EngineStore, s: Step): Promise<void> {
  await store.observe(s.at, s.entries);
  const counts = await store.countDistinct(s.queries);
  if (counts.length !== s.queries.length) throw new Error('countDistinct answered the wrong number of queries');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function measure(name: string, store: EngineStore) {
  const step = workload(7);
  let i = 0;
  for (; i < WARMUP; i++) await decide(store, step(i));

  const lat: number[] = [];
  const t0 = process.hrtime.bigint();
  for (const end = i + DECISIONS; i < end; i++) {
    const s = process.hrtime.bigint();
    await decide(store, step(i));
    lat.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const seqMs = Number(process.hrtime.bigint() - t0) / 1e6;
  lat.sort((a, b) => a - b);

  // Concurrent callers each take the next decision, as request handlers would.
  const start = i;
  const end = i + DECISIONS;
  let cursor = start;
  const t1 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (cursor < end) await decide(store, step(cursor++));
    }),
  );
  const parMs = Number(process.hrtime.bigint() - t1) / 1e6;

  return {
    store: name,
    observationsBefore: WARMUP * 8,
    sequential: {
      decisions: DECISIONS,
      decisionsPerSec: Math.round((DECISIONS / seqMs) * 1000),
      p50ms: +percentile(lat, 0.5).toFixed(3),
      p99ms: +percentile(lat, 0.99).toFixed(3),
    },
    concurrent: { concurrency: CONCURRENCY, decisionsPerSec: Math.round((DECISIONS / parMs) * 1000) },
  };
}

async function main() {
  const results = [await measure('memory', createMemoryEngineStore())];

  await onEachSqlDatabase(async (db, kind) => {
    results.push(await measure(kind, createSqlEngineStore(db)));
  });

  const redisUrl = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL;
  if (redisUrl) {
    const redis = connectRedis(redisUrl);
    const prefix = `bench:${randomBytes(4).toString('hex')}:`;
    try {
      // Only the hot paths are timed; the durable half (decisions) is not touched by this workload.
      const store = createRedisEngineStore({ redis, durable: createMemoryEngineStore(), prefix });
      results.push(await measure('Redis', store));
    } finally {
      for (let cursor = '0'; ;) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        if ((cursor = next) === '0') break;
      }
      await redis.quit();
    }
  }

  const result = { node: process.version, observationsPerDecision: 8, countsPerDecision: 12, results };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  const out = resolve(__dirname, '../../bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'server-engine-store.json'), JSON.stringify(result, null, 2));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
