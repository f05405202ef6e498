import { createSqlRiskStore, EXPIRED_SESSION_KEPT_MS } from './sql-risk-store';
import { createTestDb, dropTestDb, secondConnection } from '../../test/db';

// Each test makes its own database; a fresh PGlite with every migration takes tens of seconds on a
// busy shared machine, beyond Jest's 5 s default.
jest.setTimeout(60_000);

describe('SQL risk store', () => {
  test('commitToken: ok, replay, rewind; refused tokens leave no trace; purge', async () => {
    const db = await createTestDb();
    try {
      const store = createSqlRiskStore(db);
      await store.putSession({
        id: 's1',
        keyId: 'k',
        macKey: 'm',
        encKey: 'e',
        createdAt: 1,
        expiresAt: 1000,
        lastSeq: 0,
      });
      expect(await store.commitToken('s1', 'n1', 1, 500)).toBe('ok');
      expect(await store.commitToken('s1', 'n1', 1, 500)).toBe('REPLAY_NONCE');
      expect(await store.commitToken('s1', 'n1', 2, 500)).toBe('REPLAY_NONCE');
      expect(await store.commitToken('s1', 'n2', 1, 500)).toBe('SEQ_REWIND');
      expect(await store.commitToken('s1', 'n2', 3, 500)).toBe('ok');
      expect((await store.getSession('s1'))?.lastSeq).toBe(3);
      expect(await store.commitToken('nope', 'n9', 1, 500)).toBe('SEQ_REWIND');
      await store.purgeExpired(600);
      expect(await db.selectFrom('risk_nonces').selectAll().execute()).toHaveLength(0);
      expect(await store.getSession('s1')).not.toBeNull();
      // Expired at 1000, the row is kept an hour longer, so a late token reads as expired, not unknown.
      await store.purgeExpired(1000);
      expect(await store.getSession('s1')).toMatchObject({ id: 's1', expiresAt: 1000 });
      await store.purgeExpired(1000 + EXPIRED_SESSION_KEPT_MS);
      expect(await store.getSession('s1')).toBeNull();
    } finally {
      await dropTestDb(db);
    }
  });

  test('many concurrent commits of one token: exactly one is accepted', async () => {
    const db = await createTestDb();
    try {
      const store = createSqlRiskStore(db);
      await store.putSession({
        id: 's2',
        keyId: 'k',
        macKey: 'm',
        encKey: 'e',
        createdAt: 1,
        expiresAt: 1e15,
        lastSeq: 0,
      });
      const results = await Promise.all(Array.from({ length: 8 }, () => store.commitToken('s2', 'same', 1, 1e15)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      // Interleaved distinct tokens: every accepted sequence number is unique and the session ends at the max.
      const seqs = Array.from({ length: 20 }, (_, i) => i + 2);
      const out = await Promise.all(seqs.map((s) => store.commitToken('s2', `n${s}`, s, 1e15)));
      expect(out.every((r) => r === 'ok' || r === 'SEQ_REWIND')).toBe(true);
      expect((await store.getSession('s2'))?.lastSeq).toBe(21);
    } finally {
      await dropTestDb(db);
    }
  });
});

describe('session secrets at rest', () => {
  test('are sealed in the row and opened only with the right key and session id', async () => {
    const { atRestKeys } = await import('./at-rest');
    const db = await createTestDb();
    try {
      const keys = atRestKeys([{ keyId: 'k1', privateKey: Buffer.alloc(32, 7).toString('base64url') }]);
      const store = createSqlRiskStore(db, { atRestKey: keys });
      await store.putSession({
        id: 's1',
        keyId: 'k1',
        macKey: 'MAC-SECRET',
        encKey: 'ENC-SECRET',
        createdAt: 1,
        expiresAt: 1e15,
        lastSeq: 0,
      });
      const row = await db.selectFrom('risk_sessions').selectAll().where('id', '=', 's1').executeTakeFirstOrThrow();
      expect(row.mac_key).not.toContain('MAC-SECRET');
      expect(row.mac_key.startsWith('gcm1.')).toBe(true);
      expect(await store.getSession('s1')).toMatchObject({ macKey: 'MAC-SECRET', encKey: 'ENC-SECRET' });
      // A row copied to another session id, or read without the key, does not open.
      await db
        .insertInto('risk_sessions')
        .values({ ...row, id: 's2' })
        .execute();
      expect(await store.getSession('s2')).toBeNull();
      expect(await createSqlRiskStore(db, { atRestKey: () => null }).getSession('s1')).toBeNull();
    } finally {
      await dropTestDb(db);
    }
  });
});

describe('customer binding', () => {
  test('bindCustomer: the first customer binds the session, once, even when two race', async () => {
    const db = await createTestDb();
    try {
      const store = createSqlRiskStore(db);
      await store.putSession({
        id: 's3',
        keyId: 'k',
        macKey: 'm',
        encKey: 'e',
        createdAt: 1,
        expiresAt: 1e15,
        lastSeq: 0,
      });
      expect((await store.getSession('s3'))?.customerId).toBeNull();
      const raced = await Promise.all(['A', 'B', 'A', 'B'].map((c) => store.bindCustomer('s3', c)));
      const winner = (await store.getSession('s3'))?.customerId;
      expect(['A', 'B']).toContain(winner);
      expect(raced).toEqual(['A', 'B', 'A', 'B'].map((c) => (c === winner ? 'ok' : 'SESSION_CUSTOMER_MISMATCH')));
      expect(await store.bindCustomer('s3', winner === 'A' ? 'B' : 'A')).toBe('SESSION_CUSTOMER_MISMATCH');
      expect(await store.bindCustomer('s3', winner!)).toBe('ok');
      expect(await store.bindCustomer('unknown', 'A')).toBe('SESSION_CUSTOMER_MISMATCH');
    } finally {
      await dropTestDb(db);
    }
  });
});

// Issue #11: the session cache and group commit must not weaken any guarantee across instances.
describe('two store instances on one database (two bank processes)', () => {
  const session = (id: string, expiresAt = 1e15) => ({
    id,
    keyId: 'k',
    macKey: 'm',
    encKey: 'e',
    createdAt: 1,
    expiresAt,
    lastSeq: 0,
  });

  test('a binding made by one instance is honoured by the other, whose cache still holds the session unbound', async () => {
    const db = await createTestDb();
    const other = await secondConnection(db);
    try {
      const a = createSqlRiskStore(db);
      const b = createSqlRiskStore(other.db);
      await a.putSession(session('s4'));
      expect((await b.getSession('s4'))?.customerId).toBeNull(); // cached unbound in B
      expect(await a.bindCustomer('s4', 'A')).toBe('ok');
      expect(await b.bindCustomer('s4', 'B')).toBe('SESSION_CUSTOMER_MISMATCH');
      expect(await b.bindCustomer('s4', 'A')).toBe('ok');
      // Racing instances on a fresh session: exactly one customer wins, on both.
      await a.putSession(session('s5'));
      await b.getSession('s5');
      const raced = await Promise.all([a.bindCustomer('s5', 'A'), b.bindCustomer('s5', 'B')]);
      expect(raced.filter((r) => r === 'ok')).toHaveLength(1);
      const winner = raced[0] === 'ok' ? 'A' : 'B';
      expect(await a.bindCustomer('s5', winner === 'A' ? 'B' : 'A')).toBe('SESSION_CUSTOMER_MISMATCH');
      expect(await b.bindCustomer('s5', winner === 'A' ? 'B' : 'A')).toBe('SESSION_CUSTOMER_MISMATCH');
    } finally {
      await other.close();
      await dropTestDb(db);
    }
  });

  test('a claim accepted by one instance is refused by the other: replay and sequence regression', async () => {
    const db = await createTestDb();
    const other = await secondConnection(db);
    try {
      const a = createSqlRiskStore(db);
      const b = createSqlRiskStore(other.db);
      await a.putSession(session('s6'));
      await b.getSession('s6');
      expect(await a.commitToken('s6', 'n1', 5, 1e15)).toBe('ok');
      expect(await b.commitToken('s6', 'n1', 5, 1e15)).toBe('REPLAY_NONCE');
      expect(await b.commitToken('s6', 'n2', 5, 1e15)).toBe('SEQ_REWIND');
      expect(await b.commitToken('s6', 'n3', 4, 1e15)).toBe('SEQ_REWIND');
      expect(await b.commitToken('s6', 'n4', 6, 1e15)).toBe('ok');
      expect(await a.commitToken('s6', 'n5', 6, 1e15)).toBe('SEQ_REWIND');
      // The same token on both at once: one of them accepts it.
      const both = await Promise.all([a.commitToken('s6', 'n7', 7, 1e15), b.commitToken('s6', 'n7', 7, 1e15)]);
      expect(both.filter((r) => r === 'ok')).toHaveLength(1);
    } finally {
      await other.close();
      await dropTestDb(db);
    }
  });

  test('claims grouped into one statement each get their own answer, in arrival order per session', async () => {
    const db = await createTestDb();
    try {
      const store = createSqlRiskStore(db);
      for (const id of ['g1', 'g2', 'g3']) await store.putSession(session(id));
      await store.commitToken('g3', 'old', 1, 1e15);
      const out = await Promise.all([
        store.commitToken('g1', 'x1', 1, 1e15),
        store.commitToken('g1', 'x2', 2, 1e15), // same session, same batch: after x1
        store.commitToken('g2', 'y1', 3, 1e15),
        store.commitToken('g1', 'x2', 3, 1e15), // replay of x2's nonce
        store.commitToken('g3', 'old', 2, 1e15), // replay from before
        store.commitToken('g2', 'y2', 2, 1e15), // rewind behind y1
      ]);
      expect(out).toEqual(['ok', 'ok', 'ok', 'REPLAY_NONCE', 'REPLAY_NONCE', 'SEQ_REWIND']);
      const nonces = await db.selectFrom('risk_nonces').select('nonce').orderBy('nonce').execute();
      expect(nonces.map((n) => n.nonce)).toEqual(['old', 'x1', 'x2', 'y1']);
    } finally {
      await dropTestDb(db);
    }
  });
});

describe('session cache', () => {
  test('serves a session until its expiry, then reads the database again', async () => {
    const db = await createTestDb();
    try {
      let now = 1000;
      const store = createSqlRiskStore(db, { clock: () => now });
      await store.putSession(session2('c1', 5000));
      await db.updateTable('risk_sessions').set({ mac_key: 'changed' }).where('id', '=', 'c1').execute();
      expect((await store.getSession('c1'))?.macKey).toBe('m'); // from the cache
      now = 5000;
      expect((await store.getSession('c1'))?.macKey).toBe('changed'); // expired: evicted, read again
      // Purge evicts too (the row goes an hour after its expiry; the cached copy with it).
      now = 1000;
      await store.putSession(session2('c2', 3000));
      await store.purgeExpired(3000 + EXPIRED_SESSION_KEPT_MS);
      expect(await store.getSession('c2')).toBeNull();
    } finally {
      await dropTestDb(db);
    }
  });

  test('drops a session whose server key was rotated out, even while cached', async () => {
    const { atRestKeys } = await import('./at-rest');
    const db = await createTestDb();
    try {
      const keys = atRestKeys([{ keyId: 'k1', privateKey: Buffer.alloc(32, 9).toString('base64url') }]);
      let rotatedOut = false;
      const store = createSqlRiskStore(db, { atRestKey: (id) => (rotatedOut ? null : keys(id)) });
      await store.putSession({ ...session2('r1', 1e15), keyId: 'k1' });
      expect((await store.getSession('r1'))?.macKey).toBe('m');
      rotatedOut = true;
      expect(await store.getSession('r1')).toBeNull();
    } finally {
      await dropTestDb(db);
    }
  });

  test('stays within its size bound, least recently used out first', async () => {
    const db = await createTestDb();
    try {
      const store = createSqlRiskStore(db, { sessionCacheSize: 2 });
      for (const id of ['l1', 'l2']) await store.putSession(session2(id, 1e15));
      await store.getSession('l1'); // l2 is now the least recently used
      await store.putSession(session2('l3', 1e15));
      await db.updateTable('risk_sessions').set({ mac_key: 'changed' }).execute();
      expect((await store.getSession('l1'))?.macKey).toBe('m');
      expect((await store.getSession('l3'))?.macKey).toBe('m');
      expect((await store.getSession('l2'))?.macKey).toBe('changed');
    } finally {
      await dropTestDb(db);
    }
  });
});

function session2(id: string, expiresAt: number) {
  return { id, keyId: 'k', macKey: 'm', encKey: 'e', createdAt: 1, expiresAt, lastSeq: 0 };
}

describe('two risk servers on one database', () => {
  test('a token accepted by one bank instance is refused as a replay by the other', async () => {
    const { createRiskServer } = await import('@lingjie/risk-sdk/server');
    const { createHarness, postTo } = await import('../../../sdk/src/server/test-kit');
    const db = await createTestDb();
    const other = await secondConnection(db);
    try {
      const h = createHarness({ store: createSqlRiskStore(db) });
      const b = createRiskServer({
        keys: [{ keyId: h.key.keyId, privateKey: h.key.privateKey }],
        store: createSqlRiskStore(other.db),
        clock: h.now,
        purgeIntervalMs: 0,
      });
      const body = { amount: '1000.00' };
      const ctx = { request: postTo(body), expectAction: 'loan.apply', customerId: 'C1' };
      const client = h.newClient();
      const t1 = await client.seal('action', 'loan.apply', {}, postTo(body));
      const t2 = await client.seal('action', 'loan.apply', {}, postTo(body));
      expect(await b.verify(t2, ctx)).toMatchObject({ ok: true }); // B caches the session, bound to C1
      expect(await h.server.verify(t2, ctx)).toMatchObject({ ok: false, code: 'REPLAY_NONCE' });
      expect(await h.server.verify(t1, ctx)).toMatchObject({ ok: false, code: 'SEQ_REWIND' });
      const t3 = await client.seal('action', 'loan.apply', {}, postTo(body));
      expect(await h.server.verify(t3, { ...ctx, customerId: 'C2' })).toMatchObject({
        ok: false,
        code: 'SESSION_CUSTOMER_MISMATCH',
      });
    } finally {
      await other.close();
      await dropTestDb(db);
    }
  });
});
