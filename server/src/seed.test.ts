import { buildApp } from './app';
import { ManualClock } from './clock';
import { DEMO, seedDemo } from './seed';
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
