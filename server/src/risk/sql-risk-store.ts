import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connect';
import { createBatcher } from '../db/batcher';
import { preparedAs } from '../db/prepared';
import { openSecret, sealSecret } from './at-rest';
import { createSessionCache } from './session-cache';

import type { ClaimOutcome, RiskStore, StoredSession, TokenClaim } from '@lingjie/risk-sdk/server';

export type { RiskStore, StoredSession };

export interface SqlRiskStoreOptions {
  /** Key sealing session secrets at rest, per server key id; null = unknown key (rows unreadable). */
  atRestKey?: (keyId: string) => Buffer | null;
  /** Sessions kept decrypted in process (LRU). Default 50 000 (~25 MB); 0 turns the cache off. */
  sessionCacheSize?: number;
  /** Clock for cache expiry, Unix ms. Default `Date.now`. */
  clock?: () => number;
  /** Group commit of token claims (see db/batcher.ts). Defaults: 128 claims, 2 ms, 2 batches in flight. */
  batch?: { maxBatch?: number; maxWaitMs?: number; maxInFlight?: number };
}

/** How long a session row is kept past its expiry (see purgeExpired). */
export const EXPIRED_SESSION_KEPT_MS = 3_600_000;

/** PostgreSQL error codes a batch is simply retried on: deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Risk sessions, nonces and sequence numbers in SQL, so replay protection survives restarts and
 * holds across several server processes on one database.
 *
 * Fast path (issue #11): a session's keys never change after the handshake, so they are cached
 * decrypted in process (bounded LRU; evicted at expiry, when the at-rest key is gone, and by
 * purge). What can change — the sequence number, the nonces, the customer binding — is decided by
 * the database only: every token is claimed in SQL (nonce unseen + sequence advance, one statement),
 * and claims arriving together are grouped into one multi-row statement (group commit), each caller
 * answered after that statement committed. The customer binding is cached only once it is set (it
 * never changes afterwards); an unbound session is bound by the atomic SQL update, so a second
 * instance can never bind the same session to another customer.
 */
export function createSqlRiskStore(db: Db, opts: SqlRiskStoreOptions = {}): RiskStore {
  const clock = opts.clock ?? Date.now;
  // Without an at-rest key (unit tests of the store itself) secrets are stored as given.
  const seal = (keyId: string, id: string, v: string) => {
    const k = opts.atRestKey?.(keyId);
    return k ? sealSecret(k, id, v) : v;
  };
  const open = (keyId: string, id: string, v: string) => {
    if (!opts.atRestKey) return v;
    const k = opts.atRestKey(keyId);
    return k ? openSecret(k, id, v) : null;
  };
  const cache = createSessionCache({
    maxSize: opts.sessionCacheSize ?? 50_000,
    clock,
    // Key rotation: a session whose server key this process no longer holds is not served from cache.
    usable: (s) => !opts.atRestKey || opts.atRestKey(s.keyId) !== null,
  });

  const claims = createBatcher<TokenClaim, ClaimOutcome>({
    ...opts.batch,
    run: (batch) =>
      claimTokens(
        db,
        batch.map((claim) => ({ claim, rows: [] })),
      ),
  });

  return {
    async putSession(s) {
      await db
        .insertInto('risk_sessions')
        .values({
          id: s.id,
          key_id: s.keyId,
          mac_key: seal(s.keyId, s.id, s.macKey),
          enc_key: seal(s.keyId, s.id, s.encKey),
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seq: s.lastSeq,
          customer_id: s.customerId ?? null,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ expires_at: s.expiresAt, last_seq: s.lastSeq }))
        .execute();
      cache.forget(s.id);
      cache.put({ ...s, customerId: s.customerId ?? null });
    },

    async getSession(id) {
      const hit = cache.get(id);
      if (hit) return hit;
      const r = await db.selectFrom('risk_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const macKey = open(r.key_id, r.id, r.mac_key);
      const encKey = open(r.key_id, r.id, r.enc_key);
      // Unreadable (unknown key, tampered row): the session does not exist as far as tokens go.
      if (macKey === null || encKey === null) return null;
      const s: StoredSession = {
        id: r.id,
        keyId: r.key_id,
        macKey,
        encKey,
        createdAt: Number(r.created_at),
        expiresAt: Number(r.expires_at),
        lastSeq: Number(r.last_seq),
        customerId: r.customer_id,
      };
      cache.put(s);
      return { ...s };
    },

    async commitToken(sessionId, nonce, seq, keepUntil) {
      const outcome = await claims.add({ sessionId, nonce, seq, keepUntil });
      if (outcome === 'ok') cache.advanced(sessionId, seq);
      return outcome;
    },

    async bindCustomer(sessionId, customerId) {
      // Once bound, a session's customer never changes: a cached binding answers without SQL.
      const known = cache.customerOf(sessionId);
      if (known) return known === customerId ? 'ok' : 'SESSION_CUSTOMER_MISMATCH';
      // One statement: the first customer wins, a concurrent second one (any instance) sees it (row lock) and loses.
      const r = await db
        .updateTable('risk_sessions')
        .set({ customer_id: sql<string>`coalesce(customer_id, ${customerId})` })
        .where('id', '=', sessionId)
        .returning('customer_id')
        .executeTakeFirst();
      if (r?.customer_id) cache.bound(sessionId, r.customer_id);
      return r?.customer_id === customerId ? 'ok' : 'SESSION_CUSTOMER_MISMATCH';
    },

    async purgeExpired(now) {
      cache.purge(now);
      await db.deleteFrom('risk_nonces').where('keep_until', '<', now).execute();
      // A session row outlives its expiry by an hour: a token arriving just after its session ended
      // is refused as SESSION_EXPIRED (what happened), not SESSION_UNKNOWN (never issued here) —
      // whether or not a background purge (any instance's) ran a moment before the lookup.
      await db
        .deleteFrom('risk_sessions')
        .where('expires_at', '<=', now - EXPIRED_SESSION_KEPT_MS)
        .execute();
    },
  };
}

/**
 * What a caller writes in the same statement as its tokens' claims (the telemetry ingest: a token's
 * events), so a request costs one commit and a token and its effect commit together or not at all.
 */
export interface ClaimEffect {
  /** Names the combined statement (db/prepared.ts); its text must be constant. */
  name: string;
  /**
   * A data-modifying statement run as a CTE of the claim statement. `rows` is one JSON parameter:
   * every row of the round, each with `claim`, the index of its claim; write only the rows whose
   * claim held: `… where claim in (select i from claimed)`.
   */
  statement(rows: string): RawBuilder<unknown>;
}

/** A claim and the rows its effect writes if it holds. */
export interface ClaimWith<R> {
  claim: TokenClaim;
  rows: R[];
}

/**
 * Claims tokens (RiskStore.commitToken's semantics, all-or-nothing per claim), each statement
 * committing by itself; with `effect`, each claim's rows are written by the same statement, only
 * for the claims that held. One statement per distinct-session group (an UPDATE moves a row once),
 * in arrival order.
 */
export async function claimTokens<R = never>(
  executor: Db,
  batch: Array<ClaimWith<R>>,
  effect?: ClaimEffect,
): Promise<ClaimOutcome[]> {
  const out: ClaimOutcome[] = new Array(batch.length);
  let rest = batch.map((c, i) => ({ c, i }));
  while (rest.length) {
    const seen = new Set<string>();
    const round = rest.filter((x) => (seen.has(x.c.claim.sessionId) ? false : (seen.add(x.c.claim.sessionId), true)));
    rest = rest.filter((x) => !round.includes(x));
    const res = await retryOnConflict(() =>
      claimRound(
        executor,
        round.map((x) => x.c),
        effect,
      ),
    );
    round.forEach((x, k) => (out[x.i] = res[k]));
  }
  return out;
}

/** Runs `f` again (up to 3 more times) when PostgreSQL aborted it for a deadlock or serialization failure. */
async function retryOnConflict<T>(f: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await f();
    } catch (err) {
      if (attempt >= 3 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

/** One row of the claim statement's answer. */
interface ClaimRow {
  i: number;
  seen: boolean;
  advanced: boolean;
  recorded: boolean;
}

/**
 * The claim statement for claims of distinct sessions (exported for its plan test). The claims
 * travel as one JSON parameter (not arrays: PGlite runs outside Jest's realm, where a sandbox array
 * is not recognised as one), so the text is constant and prepared once per connection. A claim
 * advances its session's sequence only if its nonce is unseen and its seq is above last_seq, and
 * records its nonce only if it advanced (a refused token leaves no trace, nor does its effect).
 * Session rows are locked in id order first, so two instances' batches cannot deadlock on each
 * other; a concurrent twin blocks on the row, then re-checks `last_seq < seq` against the committed
 * row and fails.
 *
 * The plan must not depend on statistics: a prepared statement keeps its generic plan, which
 * guesses 100 input rows whatever the batch, and with that guess PostgreSQL preferred one
 * sequential scan of every remembered nonce (hashed against the input) over 100 index probes
 * while the table was small — then kept that plan as the table grew (on this machine 4.8 ms a
 * statement instead of 0.9 ms after a minute of traffic). `offset 0` keeps the nonce lookup a
 * per-claim subplan (PostgreSQL does not turn an EXISTS with OFFSET into a join), i.e. one probe of
 * the primary key per claim; the session rows are fetched by `= any(array)` for the same reason.
 */
export function claimStatement<R>(round: Array<ClaimWith<R>>, effect?: ClaimEffect): RawBuilder<ClaimRow> {
  const claims = round.map(({ claim: c }, i) => ({
    i,
    sid: c.sessionId,
    nonce: c.nonce,
    seq: c.seq,
    keep: c.keepUntil,
  }));
  const effectCte = effect
    ? sql`, effect as (${effect.statement(JSON.stringify(round.flatMap((w, i) => w.rows.map((r) => ({ ...r, claim: i })))))})`
    : sql``;
  return sql<ClaimRow>`${preparedAs(effect?.name ?? 'risk-claim')}
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(claims)}::jsonb)
        as t(i int, sid text, nonce text, seq int8, keep int8)
    ), seen as (
      select i from input where exists (
        select 1 from risk_nonces n where n.session_id = input.sid and n.nonce = input.nonce offset 0)
    ), locked as (
      select id from risk_sessions where id = any(array(select sid from input)) order by id for update
    ), adv as (
      update risk_sessions s set last_seq = input.seq
      from input
      where s.id = input.sid and s.id in (select id from locked) and s.last_seq < input.seq
        and input.i not in (select i from seen)
      returning input.i
    ), ins as (
      insert into risk_nonces (session_id, nonce, keep_until)
      select sid, nonce, keep from input where i in (select i from adv)
      on conflict do nothing
      returning session_id, nonce
    ), claimed as (
      select input.i from input join ins on ins.session_id = input.sid and ins.nonce = input.nonce
    )${effectCte}
    select input.i,
      input.i in (select i from seen) as seen,
      input.i in (select i from adv) as advanced,
      input.i in (select i from claimed) as recorded
    from input order by input.i`;
}

async function claimRound<R>(executor: Db, round: Array<ClaimWith<R>>, effect?: ClaimEffect): Promise<ClaimOutcome[]> {
  const r = await claimStatement(round, effect).execute(executor);
  const out = r.rows.map((row): ClaimOutcome | null =>
    row.advanced && row.recorded ? 'ok' : row.seen || row.advanced ? 'REPLAY_NONCE' : null,
  );
  // Refused without a visible nonce: a rewind, or a twin that committed after this statement's
  // snapshot. Name the reason the protocol checks first (nonce before sequence) — rare, so a second query.
  const unsure = round.filter((_, k) => out[k] === null).map((w) => w.claim);
  if (unsure.length) {
    const found = await executor
      .selectFrom('risk_nonces')
      .select(['session_id', 'nonce'])
      .where((eb) => eb.or(unsure.map((c) => eb.and({ session_id: c.sessionId, nonce: c.nonce }))))
      .execute();
    const has = new Set(found.map((f) => `${f.session_id}\u0000${f.nonce}`));
    round.forEach(({ claim: c }, k) => {
      if (out[k] === null) out[k] = has.has(`${c.sessionId}\u0000${c.nonce}`) ? 'REPLAY_NONCE' : 'SEQ_REWIND';
    });
  }
  return out as ClaimOutcome[];
}
