import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import type { ChannelBucket, EngineStore } from '@lingjie/risk-sdk/engine';
import { asRedisError, viaRedis } from './redis-connection';

/**
 * The risk engine's hot state in Redis, for several bank instances at a rate PostgreSQL would pay
 * for in rows and index churn; the durable records stay in SQL.
 *
 * In Redis (all keys under `prefix`):
 * - `o:<key>` sorted set, member → the newest time it was seen under the key (ZADD GT). A distinct
 *   count since t is ZCOUNT t..+inf: a member counts when its newest sighting is in the window,
 *   which is exactly "distinct members seen since t", late arrivals included. A decision's
 *   sightings are one script and its dozen counts another: two round trips, two commands.
 * - `b:<channel>` hash of counters `<start>:a|p|r` (applications, approved, risky), bumped with
 *   HINCRBY; `bi:<channel>` sorted set of its bucket starts (the range index, oldest first);
 *   `ch` sorted set channel → newest bucket start (for `channels(since)`).
 * Every write is one Lua script (atomic), so concurrent callers on any instance add up exactly
 * and a caller's count includes its own observation. Each write trims what is older than `windowMs`
 * before the time it records, and sets the key to expire `windowMs` after its last write: nothing
 * grows for ever even if `purge` never runs.
 *
 * In SQL (`durable`, the SQL engine store): decisions, channel conditions (lockdowns) and alerts —
 * what staff audit and read later, and what must survive Redis being flushed or replaced.
 *
 * A single Redis (or a primary with replicas/Sentinel), not Redis Cluster: the bucket scripts touch
 * a channel's keys and the shared channel index together.
 */
export interface RedisEngineStoreOptions {
  redis: Redis;
  /** Where decisions, conditions and alerts live (the SQL engine store). */
  durable: EngineStore;
  /** Namespace for every key, e.g. 'lingjie:engine:'; tests use a random one. */
  prefix?: string;
  /** The longest window any rule asks about (and the retention of buckets); default 30 days. */
  windowMs?: number;
}

export const DEFAULT_REDIS_PREFIX = 'lingjie:engine:';
const DAY = 86_400_000;

// KEYS: observation keys. ARGV: at, trimBefore, ttl ms, then per key its member count and members.
const OBSERVE = `
local at, trim, ttl, i = ARGV[1], '(' .. ARGV[2], ARGV[3], 4
for k = 1, #KEYS do
  local n = tonumber(ARGV[i])
  for j = i + 1, i + n do redis.call('ZADD', KEYS[k], 'GT', at, ARGV[j]) end
  i = i + n + 1
  redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', trim)
  redis.call('PEXPIRE', KEYS[k], ttl)
end
`;

// KEYS: one observation key per query. ARGV: each query's since. Returns the counts in order.
const COUNT = `
local out = {}
for k = 1, #KEYS do out[k] = redis.call('ZCOUNT', KEYS[k], ARGV[k], '+inf') end
return out
`;

// KEYS: bucket hash, bucket index, channel index. ARGV: start, applications, approved, risky,
// channel, keepFrom (buckets and channels older than this are dropped), ttl ms.
const BUMP = `
local s = ARGV[1]
redis.call('HINCRBY', KEYS[1], s .. ':a', ARGV[2])
redis.call('HINCRBY', KEYS[1], s .. ':p', ARGV[3])
redis.call('HINCRBY', KEYS[1], s .. ':r', ARGV[4])
redis.call('ZADD', KEYS[2], s, s)
redis.call('ZADD', KEYS[3], 'GT', s, ARGV[5])
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[6])
for _, o in ipairs(old) do redis.call('HDEL', KEYS[1], o .. ':a', o .. ':p', o .. ':r') end
if #old > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[6]) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
redis.call('PEXPIRE', KEYS[3], ARGV[7])
`;

// KEYS: bucket hash, bucket index. ARGV: from, to (exclusive). Returns start, a, p, r, … oldest first.
const RANGE = `
local out = {}
for _, s in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], '(' .. ARGV[2])) do
  local v = redis.call('HMGET', KEYS[1], s .. ':a', s .. ':p', s .. ':r')
  out[#out + 1] = s
  out[#out + 1] = v[1] or '0'
  out[#out + 1] = v[2] or '0'
  out[#out + 1] = v[3] or '0'
end
return out
`;

// KEYS: bucket hash, bucket index, channel index. ARGV: cutoff, channel. Drops buckets before the
// cutoff, and the channel from the index when none is left.
const PURGE = `
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
for _, o in ipairs(old) do redis.call('HDEL', KEYS[1], o .. ':a', o .. ':p', o .. ':r') end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[2])
end
`;

type Arg = string | number;
interface Scripts {
  ljObserve(numKeys: number, ...args: Arg[]): Promise<unknown>;
  ljCount(numKeys: number, ...args: Arg[]): Promise<number[]>;
  ljBump(...args: Arg[]): Promise<unknown>;
  ljRange(...args: Arg[]): Promise<string[]>;
  ljPurge(...args: Arg[]): Promise<unknown>;
}

/** A score bound as Redis spells it (a window may start at -Infinity). */
const bound = (n: number) => (n === -Infinity ? '-inf' : n === Infinity ? '+inf' : String(n));

/** SCAN MATCH treats *, ?, [ and \ as pattern characters: a prefix is matched literally. */
const globEscape = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/** Runs a pipeline (purge), failing with the first command's error (a Redis outage → 503). */
async function run(batch: ChainableCommander): Promise<unknown[]> {
  const results = await viaRedis(batch.exec());
  if (!results) throw asRedisError(new Error('redis pipeline returned nothing'));
  return results.map(([err, value]) => {
    if (err) throw asRedisError(err);
    return value;
  });
}

export function createRedisEngineStore(o: RedisEngineStoreOptions): EngineStore {
  const { redis, durable } = o;
  const prefix = o.prefix ?? DEFAULT_REDIS_PREFIX;
  const windowMs = o.windowMs ?? 30 * DAY;
  const key = {
    observations: (k: string) => `${prefix}o:${k}`,
    buckets: (channel: string) => `${prefix}b:${channel}`,
    bucketIndex: (channel: string) => `${prefix}bi:${channel}`,
    channels: `${prefix}ch`,
  };
  // defineCommand: EVALSHA with the script loaded once per connection (ioredis falls back to EVAL).
  if (!('ljBump' in redis)) {
    // No fixed key count: the caller passes it first.
    redis.defineCommand('ljObserve', { lua: OBSERVE });
    redis.defineCommand('ljCount', { lua: COUNT });
    redis.defineCommand('ljBump', { numberOfKeys: 3, lua: BUMP });
    redis.defineCommand('ljRange', { numberOfKeys: 2, lua: RANGE });
    redis.defineCommand('ljPurge', { numberOfKeys: 3, lua: PURGE });
  }
  const scripts = redis as unknown as Scripts;

  return {
    ...durable,

    async observe(at, entries) {
      if (!entries.length) return;
      const byKey = new Map<string, string[]>();
      for (const [k, member] of entries) {
        const members = byKey.get(k);
        if (members) members.push(member);
        else byKey.set(k, [member]);
      }
      const names = [...byKey.keys()].map(key.observations);
      const args = [...byKey.values()].flatMap((members) => [members.length, ...members]);
      await viaRedis(scripts.ljObserve(names.length, ...names, at, bound(at - windowMs), windowMs, ...args));
    },

    async countDistinct(queries) {
      if (!queries.length) return [];
      const names = queries.map((q) => key.observations(q.key));
      const counts = await viaRedis(scripts.ljCount(names.length, ...names, ...queries.map((q) => bound(q.since))));
      return counts.map(Number);
    },

    async bumpBucket(channel, start, d) {
      await viaRedis(
        scripts.ljBump(
          key.buckets(channel),
          key.bucketIndex(channel),
          key.channels,
          start,
          d.applications,
          d.approved,
          d.risky,
          channel,
          bound(start - windowMs),
          windowMs,
        ),
      );
    },

    async buckets(channel, from, to) {
      const flat = await viaRedis(
        scripts.ljRange(key.buckets(channel), key.bucketIndex(channel), bound(from), bound(to)),
      );
      const out: ChannelBucket[] = [];
      for (let i = 0; i < flat.length; i += 4) {
        out.push({
          channel,
          start: Number(flat[i]),
          applications: Number(flat[i + 1]),
          approved: Number(flat[i + 2]),
          risky: Number(flat[i + 3]),
        });
      }
      return out;
    },

    async channels(since) {
      const names = await viaRedis(redis.zrangebyscore(key.channels, bound(since), '+inf'));
      return names.sort();
    },

    async purge(cut) {
      // Observations: every key of this store, a thousand at a time (SCAN does not block Redis).
      const match = `${globEscape(prefix)}o:*`;
      let cursor = '0';
      do {
        const [next, names] = await viaRedis(redis.scan(cursor, 'MATCH', match, 'COUNT', 1000));
        cursor = next;
        if (names.length) {
          const p = redis.pipeline();
          for (const name of names) p.zremrangebyscore(name, '-inf', `(${bound(cut.observationsBefore)}`);
          await run(p);
        }
      } while (cursor !== '0');

      const channels = await viaRedis(redis.zrange(key.channels, 0, -1));
      if (channels.length) {
        const p = redis.pipeline() as ChainableCommander & Scripts;
        for (const c of channels) {
          p.ljPurge(key.buckets(c), key.bucketIndex(c), key.channels, bound(cut.bucketsBefore), c);
        }
        await run(p);
      }
      // Decisions, alerts and ended conditions (and the SQL hot tables, which stay empty here).
      await durable.purge(cut);
    },
  };
}
