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
    const started = await start(sup, { scenario: 'genuine-owners', scale: 0.02, seed: 3, pace: 'fast' });
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
    expect(done.summary.pace).toBe('fast');

    // A second run of the scenario on this bank gets a fresh, recorded seed (the bank remembers the
    // first run's people: the same seed would make the same resident IDs again).
    const again = json(await start(sup, { scenario: 'genuine-owners', scale: 0.02, pace: 'fast' }));
    expect(again.seed).toEqual(expect.any(Number));
    expect(again.seed).not.toBe(3);
    await t.app.inject({ method: 'POST', url: `/api/staff/simulations/${again.id}/stop`, headers: sup });
  }, 300_000);

  test('a realtime run keeps the scenario clock and can be stopped; its report covers what finished', async () => {
    const sup = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    const analyst = (await staffSignIn(t.app, t.clock, 'analyst')).headers;
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/staff/simulations',
      headers: sup,
      payload: { scenario: 'surge-demo', scale: 0.1 },
    });
    expect(started.statusCode).toBe(202);
    const run = json(started);
    const stop = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/api/staff/simulations/${run.id}/stop`, headers });
    expect((await stop(analyst)).statusCode).toBe(403);
    // Realtime: the first owners are under way, the gang (a simulated minute later) has not come.
    await new Promise((r) => setTimeout(r, 3000));
    const stopped = await stop(sup);
    expect(stopped.statusCode).toBe(200);
    expect(json(stopped)).toMatchObject({ status: 'stopped', hasReport: true, error: null });
    expect(json(stopped).summary.pace).toBe('realtime');
    expect(json(stopped).summary.notes.join(' ')).toMatch(/Stopped at \d\d:\d\d before the scenario's end/);
    expect(json(stopped).summary.totals.applicants).toBe(0); // an owner's journey takes minutes of real time
    expect(json(await stop(sup))).toMatchObject({ code: 'SIMULATION_NOT_RUNNING' });
    const audit = json(await t.app.inject({ url: '/api/staff/audit', headers: sup })).items;
    expect(audit.map((a: { action: string }) => a.action)).toContain('simulation.stop');
  }, 120_000);
});
