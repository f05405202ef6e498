import { json, latestSms, signIn, startTestApp, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

describe('auth', () => {
  test('the same login code returns the same user, never a session_key', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'wx-code-a' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'wx-code-a' } });
    expect(a.statusCode).toBe(200);
    expect(json(a).user.id).toBe(json(b).user.id);
    expect(json(a).token).not.toBe(json(b).token);
    expect(a.body).not.toMatch(/session_?key/i);
    expect(json(a).expiresAt).toMatch(/\+08:00$/);
  });

  test('bearer session guards /me; logout ends it', async () => {
    const u = await signIn(t.app, 'wx-code-logout');
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: u.auth })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: u.auth });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/me', headers: u.auth });
    expect(after.statusCode).toBe(401);
    expect(json(after).code).toBe('UNAUTHENTICATED');
  });

  test('an SMS code binds the phone; the wrong code is refused with the field', async () => {
    const u = await signIn(t.app, 'wx-code-phone');
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sms',
      headers: u.auth,
      payload: { phone: '13800138000', purpose: 'login' },
    });
    expect(sent.statusCode).toBe(200);
    const code = await latestSms(t.app, '13800138000');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/phone',
      headers: u.auth,
      payload: { phone: '13800138000', smsCode: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong)).toMatchObject({ code: 'SMS_CODE_WRONG', field: 'smsCode' });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/phone',
      headers: u.auth,
      payload: { phone: '13800138000', smsCode: code },
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).phone).toBe('138****8000');
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/auth/phone',
      headers: u.auth,
      payload: { phone: '13800138000', smsCode: code },
    });
    expect(json(reuse).code).toBe('SMS_CODE_EXPIRED');
  });

  test('a phone outside the number-segment allocation is refused by the shared validator', async () => {
    const u = await signIn(t.app, 'wx-code-badphone');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sms',
      headers: u.auth,
      payload: { phone: '12000138000', purpose: 'login' },
    });
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ code: 'MOBILE_SEGMENT', field: 'phone' });
  });

  test('validation errors are 400 with the field, in zh-CN', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 42 } });
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ code: 'VALIDATION', field: 'code' });
    const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'x', admin: true } });
    expect(json(extra)).toMatchObject({ code: 'VALIDATION', field: 'admin' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"code":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).code).toBe('MALFORMED_JSON');
  });

  test('health reports the injected clock in CST', async () => {
    const r = await t.app.inject({ url: '/api/health' });
    expect(json(r)).toEqual({ ok: true, database: 'up', now: '2026-03-01T10:00:00.000+08:00' });
  });

  test('request ids are echoed', async () => {
    const r = await t.app.inject({ url: '/api/me', headers: { 'x-request-id': 'req-12345678' } });
    expect(r.headers['x-request-id']).toBe('req-12345678');
  });
});

describe('production mode', () => {
  test('has no dev routes (no SMS inbox, no back office)', async () => {
    const prod = await startTestApp({ riskKeys, devRoutes: false });
    try {
      expect((await prod.app.inject({ url: '/api/dev/sms/13800138000' })).statusCode).toBe(404);
      expect(
        (
          await prod.app.inject({
            method: 'POST',
            url: '/api/dev/applications/apl_AAAAAAAAAAAAAAAA/decide',
            payload: { decision: 'approve' },
          })
        ).statusCode,
      ).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
