import { Writable } from 'node:stream';
import { buildApp } from './app';
import { ManualClock } from './clock';
import { createLogger, maskUrl } from './logger';
import { createTestDb, dropTestDb } from '../test/db';
import { riskKeys } from '../test/risk-device';

describe('logs', () => {
  test('phones in URLs are masked', () => {
    expect(maskUrl('/api/dev/sms/13800138000?x=1')).toBe('/api/dev/sms/138****8000?x=1');
  });

  test('request ids are logged; bearer tokens and phone numbers are not; the sandbox SMS code is', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const db = await createTestDb();
    const app = await buildApp({
      db,
      clock: new ManualClock('2026-03-01T02:00:00Z'),
      riskKeys,
      logger: createLogger('info', sink),
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { code: 'log-user' },
      headers: { 'x-request-id': 'req-log-0001' },
    });
    const token = login.json().token as string;
    await app.inject({
      method: 'POST',
      url: '/api/auth/sms',
      headers: { authorization: `Bearer ${token}` },
      payload: { phone: '13800138000', purpose: 'login' },
    });
    await app.inject({ url: '/api/dev/sms/13800138000' });
    await app.close();
    await dropTestDb(db);
    const text = lines.join('');
    expect(text).toContain('req-log-0001');
    expect(text).not.toContain(token);
    expect(text).not.toContain('13800138000');
    expect(text).toContain('138****8000');
    expect(text).toMatch(/"smsCode":"\d{6}"/);
    // A PGlite boot, its migrations and the app: like every app test, more than Jest's default 5 s
    // when suites run side by side.
  }, 60_000);
});
