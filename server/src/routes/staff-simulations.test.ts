import { json, startTestApp, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';
import { seedTestStaff, staffSignIn } from '../../test/staff';

// A QA starts a shipped scenario from the console: it runs through the simulation gateway (this
// bank's API on a loopback port, same database and engine), and the simulator's report is kept.
describe('simulator runs from the console', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys, now: new Date().toISOString() });
    await seedTestStaff(t.db, t.clock);
  });
  afterAll(() => t.close());

  test('a supervisor runs a small genuine-owners day; its decisions are the bank own, and the report is kept', async () => {
    const sup = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    const analyst = (await staffSignIn(t.app, t.clock, 'analyst')).headers;
    const scenarios = json(await t.app.inject({ url: '/api/staff/simulations/scenarios', headers: analyst })).items;
    expect(scenarios.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['surge-day', 'genuine-owners']),
    );

    const start = (headers: Record<string, string>, body: object) =>
      t.app.inject({ method: 'POST', url: '/api/staff/simulations', headers, payload: body });
    expect((await start(analyst, { scenario: 'genuine-owners', scale: 0.02 })).statusCode).toBe(403);
    expect((await start(sup, { scenario: 'no-such-scenario', scale: 0.02 })).statusCode).toBe(404);
    const started = await start(sup, { scenario: 'genuine-owners', scale: 0.02, seed: 3 });
    expect(started.statusCode).toBe(202);
    const run = json(started);
    expect(run).toMatchObject({
      scenario: 'genuine-owners',
      status: 'running',
      startedBy: 'staff:supervisor',
      hasReport: false,
    });
    expect(json(await start(sup, { scenario: 'genuine-owners', scale: 0.02 })).code).toBe('SIMULATION_RUNNING');

    let done = run;
    for (let i = 0; i < 600 && done.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      done = json(await t.app.inject({ url: `/api/staff/simulations/${run.id}`, headers: analyst }));
    }
    expect(done).toMatchObject({ status: 'done', error: null, hasReport: true });
    expect(done.summary.totals.applicants).toBeGreaterThan(0);
    const report = await t.app.inject({ url: `/api/staff/simulations/${run.id}/report`, headers: analyst });
    expect(report.headers['content-type']).toContain('text/html');
    expect(report.body).toContain('genuine-owners');
    // The run's applications were decided by this bank's engine: they are in its decision records.
    const decisions = json(
      await t.app.inject({ url: '/api/staff/risk/decisions?action=loan.apply', headers: analyst }),
    ).items;
    expect(decisions.length).toBeGreaterThan(0);
  }, 300_000);
});
