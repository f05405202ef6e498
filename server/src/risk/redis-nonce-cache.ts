import type Redis from 'ioredis';
import type { ClaimOutcome, RiskStore } from '@lingjie/risk-sdk/server';
import { viaRedis } from './redis-connection';

/**
 * The verifier's nonce cache in Redis (issue #11 point 3), in front of the SQL risk store, which
 * stays the authority for nonces and sequence numbers.
 *
 * What it buys: a token whose nonce any instance has already claimed is refused (REPLAY_NONCE)
 * with one Redis lookup instead of a database statement and commit — a replay flood through a
 * channel costs the bank Redis round trips, not PostgreSQL commits. Before SQL claims a nonce it is
 * marked in Redis as `n:<session>:<nonce>` (SET NX, one round trip) until the nonce's own
 * `keepUntil` on the bank's clock (PX = keepUntil − now), so Redis never holds a nonce longer than
 * SQL does; the mark is removed again when SQL refuses the token as rewound (a refused token leaves
 * no trace) or the claim fails.
 *
 * Why not the authority (a decision, recorded in server/README.md § Redis): a nonce must be
 * remembered for as long as its token could be accepted. A Redis that is flushed, restarted
 * without an fsync'd append-only file, or failed over to a replica that missed the last writes
 * forgets nonces silently, and would then accept a replay of a still-valid token — a money move
 * replayed. SQL already claims a token in one group-committed statement (7,654–7,760 tokens/s per
 * instance, server/README.md § Capacity model), so moving the authority would trade a replay
 * guarantee for throughput the bank does not need. As a cache, Redis can only refuse sooner: a
 * miss (expired, evicted, flushed, another Redis) goes to SQL, which decides as before.
 *
 * Redis unreachable: the mark fails (at the first failed reconnect, or after the command timeout —
 * redis-connection.ts) and SQL decides alone: the cache must not stop money moves.
 * Telemetry claims are committed with their events by one SQL statement (deferred claim) and do
 * not pass through here: their replays are refused by that statement and rate-limited per IP and
 * per session.
 */
export function withRedisNonceCache(
  store: RiskStore,
  o: { redis: Redis; prefix: string; clock: () => number },
): RiskStore {
  const keyOf = (sessionId: string, nonce: string) => `${o.prefix}n:${sessionId}:${nonce}`;
  const forget = (key: string) => viaRedis(o.redis.del(key)).catch(() => 0);
  // Delegated one by one, not spread: a store may keep its methods on a prototype.
  return {
    putSession: (s) => store.putSession(s),
    getSession: (id) => store.getSession(id),
    bindCustomer: (id, customerId) => store.bindCustomer(id, customerId),
    purgeExpired: (now) => store.purgeExpired(now),
    async commitToken(sessionId, nonce, seq, keepUntil) {
      const key = keyOf(sessionId, nonce);
      const ttl = keepUntil - o.clock();
      // One round trip for the common case: mark the nonce seen unless it already is (NX). Marked
      // before: claimed on some instance, or being claimed right now by a twin — a replay either way.
      const mark = ttl > 0 ? await viaRedis(o.redis.set(key, '1', 'PX', ttl, 'NX')).catch(() => 'unavailable') : 'skip';
      if (mark === null) return 'REPLAY_NONCE';
      const held = mark === 'OK';
      let outcome: ClaimOutcome;
      try {
        outcome = await store.commitToken(sessionId, nonce, seq, keepUntil);
      } catch (err) {
        if (held) await forget(key); // not claimed: the device's resend must reach SQL
        throw err;
      }
      // A rewound token's nonce was not recorded by SQL (a refused token leaves no trace): nor here.
      if (outcome === 'SEQ_REWIND' && held) await forget(key);
      return outcome;
    },
  };
}
