import { json, startTestApp, TEST_STAFF_KEY, type TestContext } from '../../test/helpers';
import { onboard, sealedPost, type Onboarded } from '../../test/flows';
import { fakeEngine } from '../../test/fake-engine';
import { riskKeys } from '../../test/risk-device';

const staff = { 'x-staff-key': TEST_STAFF_KEY };

describe('the staff credential', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys, engine: fakeEngine() });
  });
  afterAll(() => t.close());

  test('no key or a wrong one is 401 on every staff route; the right one opens them', async () => {
    const doc = json(await t.app.inject({ url: '/openapi.json' }));
    const routes = Object.entries<Record<string, unknown>>(doc.paths)
      .filter(([path]) => path.startsWith('/api/staff/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const { method, path } of routes) {
      const url = path.replace('{channel}', 'organic').replace('{id}', 'dec_00000001');
      for (const headers of [{}, { 'x-staff-key': 'wrong' }, { 'x-staff-key': TEST_STAFF_KEY + 'x' }]) {
        const r = await t.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        expect([r.statusCode, json(r).code, `${method} ${url}`]).toEqual([
          401,
          'STAFF_UNAUTHORIZED',
          `${method} ${url}`,
        ]);
      }
    }
    const ok = await t.app.inject({ url: '/api/staff/risk/channels', headers: staff });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toEqual({ items: [] });
  });

  test('a customer session is not a staff credential', async () => {
    const u = await onboard(t.app, t.clock);
    const r = await t.app.inject({ url: '/api/staff/risk/decisions', headers: u.auth });
    expect(r.statusCode).toBe(401);
  });

  test('bad times and unknown records are 4xx with the field', async () => {
    const bad = await t.app.inject({ url: '/api/staff/risk/channels/organic/series?from=yesterday', headers: staff });
    expect(json(bad)).toMatchObject({ code: 'TIME_INVALID', field: 'from' });
    const backwards = await t.app.inject({
      url: '/api/staff/risk/channels/organic/series?from=2026-03-02T00:00:00%2B08:00&to=2026-03-01T00:00:00%2B08:00',
      headers: staff,
    });
    expect(json(backwards).code).toBe('TIME_RANGE_INVALID');
    const missing = await t.app.inject({ url: '/api/staff/risk/decisions/dec_00000001', headers: staff });
    expect(missing.statusCode).toBe(404);
    const mode = await t.app.inject({
      method: 'POST',
      url: '/api/staff/risk/channels/organic/lockdown',
      headers: staff,
      payload: { mode: 'block', reason: 'x' },
    });
    expect(json(mode)).toMatchObject({ code: 'VALIDATION', field: 'mode' });
  });

  test('with no staff keys configured the staff API stays closed', async () => {
    const closed = await startTestApp({ riskKeys, engine: fakeEngine(), staffKeys: [] });
    try {
      const r = await closed.app.inject({ url: '/api/staff/risk/channels', headers: { 'x-staff-key': '' } });
      expect(r.statusCode).toBe(401);
    } finally {
      await closed.close();
    }
  });
});

describe('channel lockdown with the real engine on the SQL store', () => {
  let t: TestContext;
  let u: Onboarded;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys });
    u = await onboard(t.app, t.clock);
  });
  afterAll(() => t.close());

  const apply = async () => {
    t.clock.set(t.clock.now().getTime() + 60_000);
    return json(
      await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
        enterpriseId: u.enterpriseId,
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_INSTALMENT',
        purpose: 'WORKING_CAPITAL',
      }),
    );
  };

  test('lockdown → applications from that channel get CHANNEL_LOCKDOWN; lift → decided normally again', async () => {
    expect((await apply()).status).toBe('approved');

    const lock = await t.app.inject({
      method: 'POST',
      url: '/api/staff/risk/channels/organic/lockdown',
      headers: staff,
      payload: { mode: 'reject', reason: '渠道申请量激增，疑似撸口子团伙' },
    });
    expect(lock.statusCode).toBe(200);
    expect(json(lock)).toMatchObject({
      channel: 'organic',
      mode: 'reject',
      setBy: 'staff',
      until: null,
      actor: expect.stringMatching(/^staff:[0-9a-f]{8}$/),
      from: expect.stringMatching(/\+08:00$/),
    });
    const channels = json(await t.app.inject({ url: '/api/staff/risk/channels', headers: staff })).items;
    expect(channels).toContainEqual(expect.objectContaining({ channel: 'organic', state: 'lockdown' }));

    const locked = await apply();
    expect(locked.status).toBe('rejected');
    expect(locked.decision.reasonCodes).toContain('CHANNEL_LOCKDOWN');
    expect(locked.decision.category).toEqual(expect.any(String));

    // Staff see the decision with its evidence.
    const list = json(
      await t.app.inject({ url: '/api/staff/risk/decisions?action=loan.apply&outcome=reject', headers: staff }),
    );
    expect(list.items[0]).toMatchObject({ action: 'loan.apply', channel: 'organic', outcome: 'reject' });
    expect(list.items[0].reasons).toContain('CHANNEL_LOCKDOWN');
    const one = json(
      await t.app.inject({ url: `/api/staff/risk/decisions/${list.items[0].decisionId}`, headers: staff }),
    );
    expect(one.rules.find((r: { code: string }) => r.code === 'CHANNEL_LOCKDOWN')).toMatchObject({ status: 'hit' });
    expect(one.features).toHaveProperty(['ctx.channel'], 'organic');
    expect(JSON.stringify(one)).not.toContain(u.phone);

    const lift = await t.app.inject({
      method: 'POST',
      url: '/api/staff/risk/channels/organic/lift',
      headers: staff,
      payload: { reason: '核查完毕' },
    });
    expect(json(lift).lifted).toHaveLength(1);
    expect(json(lift).lifted[0]).toMatchObject({ liftReason: '核查完毕', liftedAt: expect.any(String) });
    const after = await apply();
    expect(after.decision.reasonCodes).not.toContain('CHANNEL_LOCKDOWN');

    const series = json(await t.app.inject({ url: '/api/staff/risk/channels/organic/series', headers: staff }));
    const total = series.items.reduce((n: number, b: { applications: number }) => n + b.applications, 0);
    expect(total).toBeGreaterThanOrEqual(3);
  });
});
