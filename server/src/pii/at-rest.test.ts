import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { buildApp } from '../app';
import { ManualClock } from '../clock';
import { createDb, type Db } from '../db/connect';
import { migrateToLatest, migrations } from '../db/migrate';
import { DEMO, seedDemo } from '../seed';
import { createTestDb, dropTestDb } from '../../test/db';
import { onboard } from '../../test/flows';
import { json, TEST_IDENTITY_KEY, TEST_NAME } from '../../test/helpers';
import { testIdentity } from '../../test/identities';
import { riskKeys } from '../../test/risk-device';
import { seedTestStaff, staffSignIn } from '../../test/staff';
import { rewrapPii } from './rewrap';
import { createPiiVault, type PiiKey } from './vault';

if (typeof jest !== 'undefined') jest.setTimeout(120_000);

const DEMO_CARD = '6222021234567890128';
const k1: PiiKey = { keyId: 'k1', key: randomBytes(32) };
const k2: PiiKey = { keyId: 'k2', key: randomBytes(32) };
const indexKey = randomBytes(32);
const v1 = createPiiVault({ keys: [k1], writeKeyId: 'k1', indexKey });
const now = new Date('2026-11-26T04:00:00Z');

const appWith = (db: Db, clock: ManualClock, pii = v1) =>
  buildApp({
    db,
    clock,
    riskKeys,
    identityKey: TEST_IDENTITY_KEY,
    pii,
    logger: false,
    sessionTtlMs: 365 * 86_400_000,
    rateLimits: { login: 1e6, sms: 1e6, applications: 1e6 },
    ruleSetSyncMs: 0,
  });

/** Every (table, column) of a text-like type holding `needle` anywhere, in the app's schema. */
async function clearHits(db: Db, needles: readonly string[]): Promise<string[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'character', 'jsonb', 'json')`.execute(
    db,
  );
  const hits: string[] = [];
  for (const { table_name: t, column_name: c } of cols.rows) {
    for (const needle of needles) {
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(t)} where ${sql.ref(c)}::text like ${'%' + needle + '%'}`.execute(
        db,
      );
      if (r.rows[0].n > 0) hits.push(`${t}.${c} holds ${needle.slice(0, 3)}…`);
    }
  }
  return hits;
}

describe('personal data at rest (issue 8 point 6)', () => {
  test('after the seed and a whole journey (register, phone, real name, card), no table holds a phone, resident ID or card number in clear', async () => {
    const db = await createTestDb();
    try {
      expect(await seedDemo(db, riskKeys, now, TEST_IDENTITY_KEY, v1)).toBe(true);
      const clock = new ManualClock(now);
      const app = await appWith(db, clock);
      await app.ready();
      const u = await onboard(app, clock);
      await seedTestStaff(db, clock);
      const supervisor = await staffSignIn(app, clock, 'supervisor');
      const needles = [DEMO.phone, DEMO.idNumber, DEMO_CARD, u.phone, u.idNumber, u.cardNo];
      expect(await clearHits(db, needles)).toEqual([]);
      // The scan can see a clear value: the needles are where the tables would hold them.
      await sql`create table pii_probe (v text)`.execute(db);
      await sql`insert into pii_probe values (${'x' + u.cardNo + 'y'})`.execute(db);
      expect(await clearHits(db, [u.cardNo])).toEqual([`pii_probe.v holds ${u.cardNo.slice(0, 3)}…`]);
      await sql`drop table pii_probe`.execute(db);

      // What the bank shows is masked, read back from the ciphertexts…
      expect(json(await app.inject({ url: '/api/me', headers: u.auth })).phone).toBe(
        `${u.phone.slice(0, 3)}****${u.phone.slice(-4)}`,
      );
      const customer = json(await app.inject({ url: '/api/customer', headers: u.auth }));
      expect(customer.idNumber).toBe(`${u.idNumber.slice(0, 3)}${'*'.repeat(14)}${u.idNumber.slice(-1)}`);
      const accounts = json(await app.inject({ url: '/api/accounts', headers: u.auth })).items;
      expect(accounts.map((a: { accountNo: string }) => a.accountNo.slice(-4))).toEqual([u.cardNo.slice(-4)]);
      // …and in clear only where a supervisor reveals it (with a reason, audited).
      const revealed = json(
        await app.inject({
          method: 'POST',
          url: `/api/staff/customers/${u.userId}/reveal`,
          headers: supervisor.headers,
          payload: { reason: '客户来电核实身份（测试）' },
        }),
      );
      expect(revealed).toMatchObject({ idNumber: u.idNumber, phone: u.phone, name: TEST_NAME });
      await app.close();
    } finally {
      await dropTestDb(db);
    }
  });

  test('key rotation: rows written with key 1 read after key 2 becomes the write key; rewrap moves them to key 2; key 1 can then go', async () => {
    const db = await createTestDb();
    try {
      const clock = new ManualClock(now);
      const before = await appWith(db, clock);
      await before.ready();
      const u = await onboard(before, clock);
      await before.close();
      const sealedWith = async () =>
        [
          ...(await db.selectFrom('users').select('phone_enc as e').where('phone_enc', 'is not', null).execute()),
          ...(await db.selectFrom('customers').select('id_number_enc as e').execute()),
          ...(await db.selectFrom('accounts').select('account_no_enc as e').execute()),
        ].map((r) => r.e!.split('.')[0]);
      expect(await sealedWith()).toEqual(['k1', 'k1', 'k1']);

      const reads = async (pii: typeof v1) => {
        const app = await appWith(db, clock, pii);
        try {
          return [
            json(await app.inject({ url: '/api/me', headers: u.auth })).phone,
            json(await app.inject({ url: '/api/customer', headers: u.auth })).idNumber,
            json(await app.inject({ url: '/api/accounts', headers: u.auth })).items[0].accountNo,
          ];
        } finally {
          await app.close();
        }
      };
      const masked = await reads(v1);
      const v2 = createPiiVault({ keys: [k1, k2], writeKeyId: 'k2', indexKey });
      expect(await reads(v2)).toEqual(masked);

      expect(await rewrapPii(db, v2)).toEqual({
        rewrapped: { users: 1, customers: 1, accounts: 1 },
        reindexed: { users: 0, customers: 0, accounts: 0 },
      });
      expect(await sealedWith()).toEqual(['k2', 'k2', 'k2']);
      expect((await rewrapPii(db, v2)).rewrapped).toEqual({ users: 0, customers: 0, accounts: 0 });
      const only2 = createPiiVault({ keys: [k2], writeKeyId: 'k2', indexKey });
      expect(await reads(only2)).toEqual(masked);

      // A new blind-index key: rewrap recomputes the indexes, and uniqueness holds under the new one.
      const newIndex = createPiiVault({ keys: [k2], writeKeyId: 'k2', indexKey: randomBytes(32) });
      expect((await rewrapPii(db, newIndex)).reindexed).toEqual({ users: 1, customers: 1, accounts: 1 });
      const app = await appWith(db, clock, newIndex);
      const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'rotation-other' } });
      const auth = { authorization: `Bearer ${json(other).token}` };
      await app.inject({
        method: 'POST',
        url: '/api/consents',
        headers: auth,
        payload: { purpose: 'personal_info', version: '2026.1' },
      });
      const reuse = await app.inject({
        method: 'POST',
        url: '/api/customer/real-name',
        headers: auth,
        payload: { name: TEST_NAME, idNumber: u.idNumber },
      });
      expect(json(reuse).code).toBe('ID_NUMBER_IN_USE');
      await app.close();
    } finally {
      await dropTestDb(db);
    }
  });
});

describe('migration 005_pii_at_rest', () => {
  test('encrypts existing rows, drops the clear columns, marks duplicate resident IDs; refuses to run on data without keys', async () => {
    const url = process.env.TEST_DATABASE_URL;
    const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
    const db = Object.assign(await createDb({ databaseUrl: url, schema, poolSize: 2 }), { testSchema: schema });
    try {
      const provider = { getMigrations: async () => migrations(undefined) };
      const r = await new Migrator({ db, provider, migrationTableSchema: schema ?? 'public' }).migrateTo(
        '004_staff_console',
      );
      expect(r.error).toBeUndefined();
      const a = testIdentity(61);
      const q = db as unknown as import('kysely').Kysely<any>;
      const at = (s: number) => new Date(now.getTime() + s * 1000);
      for (const [id, phone, s] of [
        ['usr_a', '13900001111', 1],
        ['usr_b', '13900002222', 2],
        ['usr_c', null, 3],
      ] as const) {
        await q
          .insertInto('users')
          .values({ id, openid: `o-${id}`, session_key_hash: 'h', phone, created_at: at(s) })
          .execute();
      }
      for (const [user, s] of [
        ['usr_a', 1],
        ['usr_b', 2],
      ] as const) {
        await q
          .insertInto('customers')
          .values({ user_id: user, name: TEST_NAME, id_number: a.idNumber, id_hash: 'sha', verified_at: at(s) })
          .execute();
      }
      await q
        .insertInto('accounts')
        .values({
          id: 'acc_a',
          user_id: 'usr_a',
          kind: 'card',
          account_no: a.cardNo,
          holder_name: TEST_NAME,
          bank_name: '零接银行',
          luhn_valid: true,
          created_at: at(1),
        })
        .execute();
      await q
        .insertInto('sms_codes')
        .values({
          id: 'sms_a',
          phone: '13900001111',
          purpose: 'login',
          code: '123456',
          created_at: at(1),
          expires_at: at(300),
        })
        .execute();

      await expect(migrateToLatest(db, schema, undefined)).rejects.toThrow(/PII keys/);
      await migrateToLatest(db, schema, v1);

      const users = await db.selectFrom('users').selectAll().orderBy('id').execute();
      expect(users.map((u) => (u.phone_enc ? v1.open('phone', u.id, u.phone_enc) : null))).toEqual([
        '13900001111',
        '13900002222',
        null,
      ]);
      expect(users[0].phone_bidx).toBe(v1.index('phone', '13900001111'));
      const customers = await db.selectFrom('customers').selectAll().orderBy('user_id').execute();
      expect(customers.map((c) => [v1.open('resident_id', c.user_id, c.id_number_enc), c.id_number_reuse])).toEqual([
        [a.idNumber, null],
        [a.idNumber, 'legacy'],
      ]);
      const account = await db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
      expect(v1.open('account_no', 'acc_a', account.account_no_enc)).toBe(a.cardNo);
      const sms = await db.selectFrom('sms_codes').selectAll().executeTakeFirstOrThrow();
      expect(sms.phone_bidx).toBe(v1.index('phone', '13900001111'));
      const cols = await sql<{ c: string }>`
        select table_name || '.' || column_name as c from information_schema.columns
        where table_schema = current_schema() and column_name in ('phone', 'id_number', 'id_hash', 'account_no')`.execute(
        db,
      );
      expect(cols.rows).toEqual([]);
      expect(await clearHits(db, ['13900001111', '13900002222', a.idNumber, a.cardNo])).toEqual([]);
    } finally {
      await dropTestDb(db);
    }
  });
});
