import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { openSecret, sealSecret } from './at-rest';

import type { RiskStore, StoredSession } from '@lingjie/risk-sdk/server';

export type { RiskStore, StoredSession };

/**
 * Risk sessions, nonces and sequence numbers in SQL, so replay protection survives restarts and
 * holds across several server processes on one database. commitToken is a single conditional
 * statement: the session row lock serialises tokens of one session, the nonce primary key backs it.
 */
export function createSqlRiskStore(db: Db, opts: { atRestKey?: (keyId: string) => Buffer | null } = {}): RiskStore {
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
    },

    async getSession(id) {
      const r = await db.selectFrom('risk_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const macKey = open(r.key_id, r.id, r.mac_key);
      const encKey = open(r.key_id, r.id, r.enc_key);
      // Unreadable (unknown key, tampered row): the session does not exist as far as tokens go.
      if (macKey === null || encKey === null) return null;
      return {
        id: r.id,
        keyId: r.key_id,
        macKey,
        encKey,
        createdAt: Number(r.created_at),
        expiresAt: Number(r.expires_at),
        lastSeq: Number(r.last_seq),
        customerId: r.customer_id,
      };
    },

    async commitToken(sessionId, nonce, seq, keepUntil) {
      // One statement, one round trip, atomic: the sequence advances only if the nonce is unseen,
      // and the nonce is recorded only if the sequence advanced (so a refused token leaves no
      // trace). A concurrent twin blocks on the session row, then re-checks `last_seq < seq` and fails.
      const r = await sql<{ advanced: number; recorded: number }>`
        with s as (
          update risk_sessions set last_seq = ${seq}
          where id = ${sessionId} and last_seq < ${seq}
            and not exists (select 1 from risk_nonces where session_id = ${sessionId} and nonce = ${nonce})
          returning id
        ), n as (
          insert into risk_nonces (session_id, nonce, keep_until)
          select id, ${nonce}, ${keepUntil} from s
          on conflict do nothing
          returning nonce
        )
        select (select count(*) from s)::int as advanced, (select count(*) from n)::int as recorded`.execute(db);
      const { advanced, recorded } = r.rows[0];
      if (advanced && recorded) return 'ok';
      // Refused: name the reason the protocol checks first (PROTOCOL.md: nonce before sequence).
      const seen = await db
        .selectFrom('risk_nonces')
        .select('nonce')
        .where('session_id', '=', sessionId)
        .where('nonce', '=', nonce)
        .executeTakeFirst();
      return seen || advanced ? 'REPLAY_NONCE' : 'SEQ_REWIND';
    },

    async bindCustomer(sessionId, customerId) {
      // One statement: the first customer wins, a concurrent second one sees it (row lock) and loses.
      const r = await db
        .updateTable('risk_sessions')
        .set({ customer_id: sql<string>`coalesce(customer_id, ${customerId})` })
        .where('id', '=', sessionId)
        .returning('customer_id')
        .executeTakeFirst();
      return r?.customer_id === customerId ? 'ok' : 'SESSION_CUSTOMER_MISMATCH';
    },

    async purgeExpired(now) {
      await db.deleteFrom('risk_nonces').where('keep_until', '<', now).execute();
      await db.deleteFrom('risk_sessions').where('expires_at', '<=', now).execute();
    },
  };
}
