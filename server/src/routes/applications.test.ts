import { json, startTestApp, TEST_NAME, type TestContext } from '../../test/helpers';
import { onboard, sealedPost, type Onboarded } from '../../test/flows';
import { newDevice, riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

const apply = (u: Onboarded, over: object = {}) =>
  sealedPost(t.app, u, '/api/applications', 'loan.apply', {
    enterpriseId: u.enterpriseId,
    amountFen: 10_000_000,
    termMonths: 12,
    method: 'EQUAL_INSTALMENT',
    purpose: 'WORKING_CAPITAL',
    ...over,
  });

describe('applications → decision', () => {
  test('approve: an offer with APR, fees, penalty and prepayment rules, validity', async () => {
    const u = await onboard(t.app, t.clock);
    const r = await apply(u, { amountFen: 200_000_000 });
    expect(r.statusCode).toBe(200);
    const a = json(r);
    // Revenue 5,000,000 yuan × 20% caps the limit at 1,000,000 yuan.
    expect(a).toMatchObject({
      status: 'approved',
      decision: { reasonCodes: ['LIMIT_CAPPED_BY_REVENUE'], category: null },
    });
    expect(a.offer).toMatchObject({
      limitFen: 100_000_000,
      feesFen: 0,
      rateType: '单利',
      validUntil: '2026-03-08T10:00:00.000+08:00',
    });
    expect(a.offer.penaltyRule).toContain('1.5');
    const list = json(await t.app.inject({ url: '/api/applications', headers: u.auth }));
    expect(list.items[0].id).toBe(a.id);
  });

  test('review: a device in debug mode behind a proxy', async () => {
    const u = await onboard(t.app, t.clock);
    const risky = {
      ...u,
      device: await newDevice(t.app, t.clock, {
        debug: true,
        network: { type: 'wifi', signalStrength: 4, proxy: true },
      }),
    };
    const a = json(await apply(risky));
    expect(a.status).toBe('review');
    expect(a.decision.reasonCodes).toEqual(expect.arrayContaining(['DEVICE_DEBUG_MODE', 'DEVICE_PROXY']));
    // The risk engine decided the review: the customer sees its plain category, never the rule.
    expect(a.decision.category).toBe('本次申请的设备环境存在安全风险');
    expect(a.decision.expectedBy).toBeDefined();
    expect(a.offer).toBeNull();
    // The sandbox back office resolves the review; the applicant gets the offer and a notice.
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/dev/applications/${a.id}/decide`,
      payload: { decision: 'approve' },
    });
    expect(decided.statusCode).toBe(200);
    expect(json(decided)).toMatchObject({ status: 'approved', offer: { limitFen: 10_000_000 } });
    expect(json(decided).decision.reasonCodes).toContain('MANUAL_APPROVE');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/dev/applications/${a.id}/decide`,
      payload: { decision: 'reject' },
    });
    expect(json(again).code).toBe('NOT_IN_REVIEW');
    const titles = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items.map(
      (n: { title: string }) => n.title,
    );
    expect(titles).toEqual(expect.arrayContaining(['贷款申请审核中', '贷款申请已通过']));
  });

  test('reject: a plain-language category and the way to human review, never rule internals', async () => {
    const u = await onboard(t.app, t.clock);
    const ent = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: u.auth,
      payload: {
        uscc: '91110000MA01A2B3CN',
        name: '北京新开小店',
        legalRepName: TEST_NAME,
        registrationDate: '2026-02-01',
        industry: '餐饮',
        annualRevenueFen: 100_000,
        employees: 1,
      },
    });
    const entId = ent.statusCode === 200 ? json(ent).id : null;
    expect(entId).not.toBeNull();
    const a = json(await apply(u, { enterpriseId: entId }));
    expect(a.status).toBe('rejected');
    expect(a.decision.reasonCodes).toEqual(expect.arrayContaining(['ENTERPRISE_TOO_YOUNG', 'REVENUE_TOO_LOW']));
    expect(a.decision.category).toBe('企业经营情况暂不满足本产品要求');
    expect(a.decision.humanReview).toContain('人工复核');
    expect(JSON.stringify(a)).not.toContain('months');
    const notices = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    expect(
      notices.some((n: { kind: string; title: string }) => n.kind === 'decision' && n.title === '贷款申请未通过'),
    ).toBe(true);
  });

  test('prohibited purposes and off-menu terms are refused with the field', async () => {
    const u = await onboard(t.app, t.clock);
    const housing = await apply(u, { purpose: 'HOUSING' });
    expect(housing.statusCode).toBe(400);
    expect(json(housing)).toMatchObject({ code: 'PURPOSE_HOUSING', field: 'purpose' });
    const step = await apply(u, { amountFen: 10_000_050 });
    expect(json(step)).toMatchObject({ code: 'LOAN_AMOUNT_STEP', field: 'amountFen' });
    const term = await apply(u, { termMonths: 18 });
    expect(term.statusCode).toBe(400);
    expect(json(term).field).toBe('termMonths');
  });

  test('no credit-report consent, no application', async () => {
    const u = await onboard(t.app, t.clock);
    await t.app.inject({ method: 'POST', url: '/api/consents/credit_report/withdraw', headers: u.auth });
    const r = await apply(u);
    expect(r.statusCode).toBe(409);
    expect(json(r)).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'credit_report' });
  });
});

describe('rate limits', () => {
  test('applications per user per minute', async () => {
    const limited = await startTestApp({ riskKeys, rateLimits: { applications: 2, login: 1000, sms: 1000 } });
    try {
      const u = await onboard(limited.app, limited.clock);
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await sealedPost(limited.app, u, '/api/applications', 'loan.apply', {
          enterpriseId: u.enterpriseId,
          amountFen: 1_000_000,
          termMonths: 12,
          method: 'EQUAL_INSTALMENT',
          purpose: 'WORKING_CAPITAL',
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(json(r).code).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  test('login per client per minute', async () => {
    const limited = await startTestApp({ riskKeys, rateLimits: { login: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: `c${i}` } })).statusCode,
        );
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
