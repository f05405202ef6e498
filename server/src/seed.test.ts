import { InsertQueryNode, type KyselyPlugin } from 'kysely';
import { buildApp } from './app';
import { ManualClock } from './clock';
import type { Db } from './db/connect';
import { DEMO, seedDemo } from './seed';
import { sandboxCode2Session } from './services/auth';
import { createTestDb, dropTestDb } from '../test/db';
import { riskKeys } from '../test/risk-device';

if (typeof jest !== 'undefined') jest.setTimeout(60_000);

test('the demo customer has loans on time, overdue, settled and deferred; seeding twice is a no-op', async () => {
  const db = await createTestDb();
  const now = new Date('2026-11-26T04:00:00Z');
  try {
    expect(await seedDemo(db, riskKeys, now)).toBe(true);
    expect(await seedDemo(db, riskKeys, now)).toBe(false);
    const app = await buildApp({ db, clock: new ManualClock(now), riskKeys, logger: false });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: DEMO.loginCode } });
    const loans = (
      await app.inject({ url: '/api/loans', headers: { authorization: `Bearer ${login.json().token}` } })
    ).json().items;
    const states = loans.map((l: { status: string; deferral: unknown }) => (l.deferral ? 'deferred' : l.status)).sort();
    expect(states).toEqual(['active', 'deferred', 'overdue', 'settled']);
    await app.close();
  } finally {
    await dropTestDb(db);
  }
});

/** Throws (as a crash would interrupt) at the story's first loan, after the user, consents and enterprise exist. */
const crashAtFirstLoan: KyselyPlugin = {
  transformQuery: ({ node }) => {
    if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'loans') throw new Error('injected crash');
    return node;
  },
  transformResult: async ({ result }) => result,
};

async function demoLoanStates(db: Db, now: Date): Promise<string[]> {
  const app = await buildApp({ db, clock: new ManualClock(now), riskKeys, logger: false });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: DEMO.loginCode } });
    const loans = (
      await app.inject({ url: '/api/loans', headers: { authorization: `Bearer ${login.json().token}` } })
    ).json().items;
    return loans.map((l: { status: string; deferral: unknown }) => (l.deferral ? 'deferred' : l.status)).sort();
  } finally {
    await app.close();
  }
}

const demoUsers = (db: Db) =>
  db.selectFrom('users').select('id').where('openid', '=', sandboxCode2Session(DEMO.loginCode).openid).execute();

test('a seed that fails mid-way leaves nothing behind, and the next start seeds the complete customer', async () => {
  const db = await createTestDb();
  const now = new Date('2026-11-26T04:00:00Z');
  try {
    await expect(seedDemo(db.withPlugin(crashAtFirstLoan), riskKeys, now)).rejects.toThrow(/drawdown/);
    expect(await demoUsers(db)).toEqual([]);
    expect(await seedDemo(db, riskKeys, now)).toBe(true);
    expect(await demoLoanStates(db, now)).toEqual(['active', 'deferred', 'overdue', 'settled']);
  } finally {
    await dropTestDb(db);
  }
});

test('a half-made demo customer from an older crash is set aside and the demo seeded again', async () => {
  const db = await createTestDb();
  const now = new Date('2026-11-26T04:00:00Z');
  try {
    // What a crash right after the first step of an unguarded seed left: the demo user, no loans.
    const app = await buildApp({ db, clock: new ManualClock(now), riskKeys, logger: false });
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: DEMO.loginCode } })).statusCode,
    ).toBe(200);
    await app.close();
    expect(await demoUsers(db)).toHaveLength(1);
    expect(await seedDemo(db, riskKeys, now)).toBe(true);
    expect(await demoLoanStates(db, now)).toEqual(['active', 'deferred', 'overdue', 'settled']);
    expect(await seedDemo(db, riskKeys, now)).toBe(false);
  } finally {
    await dropTestDb(db);
  }
});
