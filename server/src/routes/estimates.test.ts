import { json, signIn, startTestApp, type TestContext } from '../../test/helpers';
import { onboard } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';
import { estimateRange } from './estimates';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

describe('limit estimate (测额)', () => {
  test('a range from annual revenue, labelled as not an approval', async () => {
    const u = await onboard(t.app, t.clock);
    const r = await t.app.inject({ method: 'POST', url: '/api/estimates', headers: u.auth, payload: {} });
    expect(r.statusCode).toBe(200);
    // Revenue 5,000,000 yuan × 20% = 1,000,000 yuan at the top, half of it at the bottom.
    expect(json(r)).toMatchObject({
      enterpriseId: u.enterpriseId,
      minFen: 50_000_000,
      maxFen: 100_000_000,
      notApproval: true,
      note: '测额结果不是审批结果，最终额度以审批为准',
    });
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/estimates',
      headers: u.auth,
      payload: { enterpriseId: u.enterpriseId },
    });
    expect(json(same).maxFen).toBe(100_000_000);
  });

  test('no enterprise yet: says what to do first', async () => {
    const s = await signIn(t.app, 'wx-estimate-no-enterprise');
    const r = await t.app.inject({ method: 'POST', url: '/api/estimates', headers: s.auth, payload: {} });
    expect(r.statusCode).toBe(409);
    expect(json(r)).toMatchObject({ code: 'ENTERPRISE_REQUIRED', message: '请先填写企业信息，再测额' });
  });

  test('needs a session', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/estimates', payload: {} });
    expect(r.statusCode).toBe(401);
  });

  test('the rule: capped at the product maximum, nothing below the minimum limit', () => {
    expect(estimateRange(800_000_000)).toEqual({ minFen: 80_000_000, maxFen: 160_000_000 });
    expect(estimateRange(100_000_000_000)).toEqual({ minFen: 150_000_000, maxFen: 300_000_000 });
    expect(estimateRange(300_000)).toEqual({ minFen: 0, maxFen: 0 });
    expect(estimateRange(600_000)).toEqual({ minFen: 100_000, maxFen: 120_000 });
  });
});
