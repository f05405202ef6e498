import { execFileSync } from 'node:child_process';
import { createTestDb, dropTestDb } from '../../test/db';
import { bankWithUsers, consentLoad, consentsPresent, until } from '../../test/db-outage';
import { json } from '../../test/helpers';

jest.setTimeout(180_000);

/*
 * Restarts the PostgreSQL cluster under the bank's feet. That drops every connection on the server,
 * including other test files', so it runs only when asked: `.ci/run` sets TEST_PG_RESTART=1 and runs
 * this file on its own after the suite. TEST_PG_CLUSTER names the cluster (default "15 main").
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
const enabled = Boolean(databaseUrl) && process.env.TEST_PG_RESTART === '1';
const [version, cluster] = (process.env.TEST_PG_CLUSTER ?? '15 main').split(/\s+/);
const pgctl = (action: 'stop' | 'start') =>
  execFileSync('pg_ctlcluster', [version, cluster, action], { stdio: 'pipe' });

if (!enabled) {
  test.todo('PostgreSQL restart: skipped, set TEST_DATABASE_URL and TEST_PG_RESTART=1 (.ci/run does) to run it');
}

(enabled ? test : test.skip)(
  'PostgreSQL stopped and started under load: 503 while down, back by itself, every acknowledged write kept',
  async () => {
    const base = await createTestDb();
    let down = false;
    const { app, auths, close } = await bankWithUsers(
      databaseUrl!,
      base.testSchema!,
      `lingjie-restart-${base.testSchema}`,
    );
    try {
      const load = consentLoad(app, auths);
      await until(() => load.acked.length >= 30);
      pgctl('stop');
      down = true;
      const failuresBefore = load.failures.length;
      await until(() => load.failures.length >= failuresBefore + 10);
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(json(health)).toMatchObject({ ok: false, database: 'unavailable', code: 'DB_UNAVAILABLE' });
      pgctl('start');
      down = false;
      await until(async () => (await app.inject({ url: '/api/health' })).statusCode === 200, 60_000, 200);
      const ackedAfter = load.acked.length;
      await until(() => load.acked.length >= ackedAfter + 30);
      await load.stop();

      expect([...load.statuses.keys()].sort()).toEqual([200, 503]);
      for (const f of load.failures) expect(f.body).toMatchObject({ code: 'DB_UNAVAILABLE' });
      expect(await consentsPresent(databaseUrl!, base.testSchema!, load.acked)).toBe(load.acked.length);
    } finally {
      if (down) pgctl('start');
      await close();
      await dropTestDb(base);
    }
  },
);
