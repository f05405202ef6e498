import { createSqlRiskStore } from './sql-risk-store';
import { createTestDb, dropTestDb } from '../../test/db';

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
      await store.purgeExpired(1000);
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
