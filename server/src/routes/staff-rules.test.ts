import { DEFAULT_RULE_SETS, type RuleSetFile } from '@lingjie/risk-sdk/engine';
import { buildApp } from '../app';
import { json, startTestApp, TEST_IDENTITY_KEY, type TestContext } from '../../test/helpers';
import { onboard, sealedPost } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';
import { seedTestStaff, staffSignIn } from '../../test/staff';

type Headers = Record<string, string>;
const loanApply = DEFAULT_RULE_SETS.find((f) => f.id === 'loan.apply') as RuleSetFile;

// Rule sets in the console with the real engine on the SQL store: upload (every problem listed),
// backtest a stricter version on recorded decisions, four-eyes activation, persistence across restarts.
describe('rule sets: upload, backtest, four-eyes activation', () => {
  let t: TestContext;
  let sup: Headers;
  let sup2: Headers;
  let analyst: Headers;
  let from: string;
  const applied: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ riskKeys });
    await seedTestStaff(t.db, t.clock);
    from = t.clock.now().toISOString();
    for (let i = 0; i < 3; i++) {
      const u = await onboard(t.app, t.clock);
      t.clock.set(t.clock.now().getTime() + 60_000);
      const a = await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
        enterpriseId: u.enterpriseId,
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_INSTALMENT',
        purpose: 'WORKING_CAPITAL',
      });
      applied.push(json(a).status);
    }
    sup = (await staffSignIn(t.app, t.clock, 'supervisor')).headers;
    sup2 = (await staffSignIn(t.app, t.clock, 'supervisor2')).headers;
    analyst = (await staffSignIn(t.app, t.clock, 'analyst')).headers;
  });
  afterAll(() => t.close());

  const post = (url: string, headers: Headers, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const overview = async () => json(await t.app.inject({ url: '/api/staff/rules', headers: analyst })).items;
  const stricter: RuleSetFile = { ...loanApply, version: 2, basedOn: 1, thresholds: { review: 0, reject: 80 } };

  test('the sets the engine started with are recorded and active', async () => {
    expect(applied).toEqual(['approved', 'approved', 'approved']);
    const set = (await overview()).find((s: { ruleSetId: string }) => s.ruleSetId === 'loan.apply');
    expect(set).toMatchObject({
      actions: ['loan.apply'],
      active: { version: 1, source: 'start-up', activatedBy: 'system' },
      pending: null,
    });
    expect(set.history[0]).toMatchObject({ event: 'activated', version: 1, actor: 'system' });
  });

  test('an invalid candidate is refused with every problem; an analyst may not upload at all', async () => {
    const bad = {
      ...loanApply,
      version: 1,
      status: 'draft',
      thresholds: { review: 90, reject: 10 },
      rules: [{ ...loanApply.rules[0], code: 'NO_SUCH_RULE' }, loanApply.rules[1]],
    };
    const r = await post('/api/staff/rules/versions', sup, { file: bad });
    expect([r.statusCode, json(r).code]).toEqual([422, 'RULE_SET_INVALID']);
    const problems: string[] = json(r).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('NO_SUCH_RULE: unknown rule code'),
        expect.stringContaining('thresholds: reject'),
        expect.stringContaining('status'),
        expect.stringContaining('version: 须大于已有的最高版本 1'),
      ]),
    );
    const schemaBad = await post('/api/staff/rules/validate', sup, { file: { id: 'loan.apply', rules: 'x' } });
    expect(json(schemaBad).ok).toBe(false);
    expect(json(schemaBad).problems.length).toBeGreaterThan(1);
    expect((await post('/api/staff/rules/versions', analyst, { file: stricter })).statusCode).toBe(403);
  });

  test('a stricter version backtested on the recorded decisions shows the outcomes it changes', async () => {
    const up = await post('/api/staff/rules/versions', sup, { file: stricter, note: '所有申请转人工' });
    expect(up.statusCode).toBe(201);
    const versionId = json(up).versionId;
    const to = t.clock.now().toISOString();
    const bt = json(await post(`/api/staff/rules/versions/${versionId}/backtests`, sup, { from, to }));
    expect(bt.summary).toMatchObject({
      candidate: { id: 'loan.apply', version: 2 },
      baseline: { id: 'loan.apply', version: 1 },
      scanned: 3,
      changed: 3,
      truncated: false,
      matrix: [{ from: 'approve', to: 'review', count: 3 }],
      recordedBy: [expect.objectContaining({ version: 1, count: 3 })],
    });
    expect(bt.summary.byChannel[0]).toMatchObject({ total: 3, changed: 3, passedBefore: 3, passedAfter: 0 });
    expect(bt.summary.examples).toHaveLength(3);
    expect(bt.summary.examples[0]).toMatchObject({ before: { outcome: 'approve' }, after: { outcome: 'review' } });
    const stored = json(await t.app.inject({ url: `/api/staff/rules/backtests/${bt.backtestId}`, headers: analyst }));
    expect(stored.summary.changed).toBe(3);
    const bad = await post(`/api/staff/rules/versions/${versionId}/backtests`, sup, { from: to, to: from });
    expect(json(bad).code).toBe('TIME_RANGE_INVALID');
  });

  test('activation needs a second supervisor (four eyes), then the engine decides with it — also after a restart', async () => {
    const set = (await overview()).find((s: { ruleSetId: string }) => s.ruleSetId === 'loan.apply');
    const candidate = set.versions.find((v: { version: number }) => v.version === 2);
    expect(candidate).toMatchObject({ active: false, backtests: 1, source: 'upload' });
    const detail = json(
      await t.app.inject({ url: `/api/staff/rules/versions/${candidate.versionId}`, headers: analyst }),
    );
    const backtestId = detail.backtests[0].backtestId;

    const noBacktest = await post(`/api/staff/rules/versions/${candidate.versionId}/proposals`, sup, {
      backtestId: 'bkt_AAAAAAAAAAAAAAAA',
      reason: '收紧',
    });
    expect(json(noBacktest).code).toBe('BACKTEST_REQUIRED');
    const proposal = json(
      await post(`/api/staff/rules/versions/${candidate.versionId}/proposals`, sup, {
        backtestId,
        reason: '渠道风险上升，全部转人工',
      }),
    );
    expect(proposal).toMatchObject({ status: 'pending', proposedBy: 'staff:supervisor' });

    const self = await post(`/api/staff/rules/proposals/${proposal.requestId}/approve`, sup, { reason: '同意' });
    expect([self.statusCode, json(self).code]).toEqual([403, 'FOUR_EYES']);
    expect(
      (await post(`/api/staff/rules/proposals/${proposal.requestId}/approve`, analyst, { reason: '同意' })).statusCode,
    ).toBe(403);
    expect(t.app.riskEngine.ruleSetFor('loan.apply').ref.version).toBe(1);

    const ok = await post(`/api/staff/rules/proposals/${proposal.requestId}/approve`, sup2, {
      reason: '已看回测，同意',
    });
    expect(json(ok)).toMatchObject({ status: 'approved', decidedBy: 'staff:supervisor2' });
    expect(t.app.riskEngine.ruleSetFor('loan.apply').ref.version).toBe(2);
    const after = (await overview()).find((s: { ruleSetId: string }) => s.ruleSetId === 'loan.apply');
    expect(after.active).toMatchObject({ version: 2, activatedBy: 'staff:supervisor2' });
    expect(after.history.slice(0, 3).map((h: { event: string }) => h.event)).toEqual([
      'activated',
      'approved',
      'proposed',
    ]);

    const u = await onboard(t.app, t.clock);
    const a = await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
      enterpriseId: u.enterpriseId,
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    });
    expect(json(a).status).toBe('review');

    // A restart (a new app on the same database) runs the activated version, not the shipped one.
    const restarted = await buildApp({
      db: t.db,
      clock: t.clock,
      riskKeys,
      identityKey: TEST_IDENTITY_KEY,
      logger: false,
      ruleSetSyncMs: 0,
    });
    try {
      expect(restarted.riskEngine.ruleSetFor('loan.apply').ref.version).toBe(2);
    } finally {
      await restarted.close();
    }
    const actions = json(await t.app.inject({ url: '/api/staff/audit?limit=100', headers: analyst })).items.map(
      (e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'rules.upload:ok',
        'rules.backtest:ok',
        'rules.propose:ok',
        'rules.approve:denied',
        'rules.approve:ok',
      ]),
    );
  });
});
