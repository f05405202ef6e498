import { json, signIn, startTestApp, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

describe('consents', () => {
  test('granted per purpose and version, superseded by a new version, withdrawable', async () => {
    const u = await signIn(t.app, 'consent-user');
    const grant = (purpose: string, version: string) =>
      t.app.inject({ method: 'POST', url: '/api/consents', headers: u.auth, payload: { purpose, version } });
    expect((await grant('personal_info', '2026.1')).statusCode).toBe(200);
    const same = await grant('personal_info', '2026.1');
    expect(json(same).version).toBe('2026.1');
    await grant('personal_info', '2026.2');
    await grant('credit_report', '2026.1');
    let state = json(await t.app.inject({ url: '/api/consents', headers: u.auth }));
    expect(state.current.find((c: { purpose: string }) => c.purpose === 'personal_info')).toEqual({
      purpose: 'personal_info',
      granted: true,
      version: '2026.2',
    });
    expect(state.history.filter((h: { purpose: string }) => h.purpose === 'personal_info')).toHaveLength(2);
    expect(state.current.find((c: { purpose: string }) => c.purpose === 'biometric').granted).toBe(false);

    const w = await t.app.inject({ method: 'POST', url: '/api/consents/credit_report/withdraw', headers: u.auth });
    expect(w.statusCode).toBe(200);
    state = json(w);
    expect(state.current.find((c: { purpose: string }) => c.purpose === 'credit_report').granted).toBe(false);
    expect(state.history.find((h: { purpose: string }) => h.purpose === 'credit_report').withdrawnAt).toMatch(
      /\+08:00$/,
    );
    const again = await t.app.inject({ method: 'POST', url: '/api/consents/credit_report/withdraw', headers: u.auth });
    expect(json(again).code).toBe('CONSENT_NOT_GRANTED');
  });

  test('unknown purposes are a 400 naming the field', async () => {
    const u = await signIn(t.app, 'consent-user-2');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers: u.auth,
      payload: { purpose: 'everything', version: '1' },
    });
    expect(r.statusCode).toBe(400);
    expect(json(r).field).toBe('purpose');
  });

  test('real-name needs the personal-information consent first', async () => {
    const u = await signIn(t.app, 'consent-user-3');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/customer/real-name',
      headers: u.auth,
      payload: { name: '李四', idNumber: '110105198506150014' },
    });
    expect(r.statusCode).toBe(409);
    expect(json(r)).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'personal_info' });
    // The message names the consent as the app's notice does, never by its key.
    expect(json(r).message).toContain('个人信息处理');
    expect(json(r).message).not.toMatch(/[a-z]/);
  });
});
