import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { json, startTestApp, TEST_STAFF_KEY, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';
import { seedTestStaff, staffSignIn, TEST_STAFF } from '../../test/staff';
import { currentTotp } from './staff-accounts';

const login = (t: TestContext, body: object) =>
  t.app.inject({ method: 'POST', url: '/api/staff-login', payload: body });
const codeNow = (t: TestContext, who: keyof typeof TEST_STAFF) =>
  currentTotp(TEST_STAFF[who].totpSecret, t.clock.now().getTime());

describe('staff sign-in: password + TOTP, sessions that end', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys });
    await seedTestStaff(t.db, t.clock);
  });
  afterAll(() => t.close());

  test('the right password and the current code open a session; /staff/me names the role and its permissions', async () => {
    t.clock.set(t.clock.now().getTime() + 30_000);
    const res = await login(t, {
      username: 'analyst',
      password: TEST_STAFF.analyst.password,
      totp: codeNow(t, 'analyst'),
    });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({ idleMinutes: 30, staff: { role: 'analyst', username: 'analyst', kind: 'session' } });
    expect(body.staff.permissions).toContain('reviews.answer');
    expect(body.staff.permissions).not.toContain('channels.lockdown');
    const me = await t.app.inject({ url: '/api/staff/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(json(me)).toMatchObject({ actor: 'staff:analyst', role: 'analyst' });
  });

  test('a wrong password, a wrong code, a replayed code and an unknown user all get the same answer', async () => {
    t.clock.set(t.clock.now().getTime() + 30_000);
    const good = { username: 'supervisor', password: TEST_STAFF.supervisor.password, totp: codeNow(t, 'supervisor') };
    const wrongCode = String((Number(good.totp) + 1) % 1_000_000).padStart(6, '0');
    for (const body of [
      { ...good, password: 'nope' },
      { ...good, totp: wrongCode },
      { ...good, username: 'nobody' },
    ]) {
      const r = await login(t, body);
      expect([r.statusCode, json(r).code]).toEqual([401, 'STAFF_LOGIN_FAILED']);
    }
    expect((await login(t, good)).statusCode).toBe(200);
    const replay = await login(t, good); // the same code again: RFC 6238 §5.2, accepted once
    expect([replay.statusCode, json(replay).code]).toEqual([401, 'STAFF_LOGIN_FAILED']);
  });

  test('five failures lock the account for 15 minutes, even with the right factors', async () => {
    for (let i = 0; i < 5; i++) await login(t, { username: 'supervisor2', password: 'bad', totp: '000000' });
    t.clock.set(t.clock.now().getTime() + 30_000);
    const locked = await login(t, {
      username: 'supervisor2',
      password: TEST_STAFF.supervisor2.password,
      totp: codeNow(t, 'supervisor2'),
    });
    expect([locked.statusCode, json(locked).code]).toEqual([429, 'STAFF_LOCKED']);
    t.clock.set(t.clock.now().getTime() + 15 * 60_000);
    await expect(staffSignIn(t.app, t.clock, 'supervisor2')).resolves.toHaveProperty('token');
  });

  test('a session ends after 30 idle minutes, after 8 hours in use, and at logout', async () => {
    const s = await staffSignIn(t.app, t.clock, 'analyst');
    const me = () => t.app.inject({ url: '/api/staff/me', headers: s.headers });
    t.clock.set(t.clock.now().getTime() + 29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.set(t.clock.now().getTime() + 31 * 60_000);
    expect(json(await me())).toMatchObject({ code: 'STAFF_SESSION_EXPIRED' });

    const busy = await staffSignIn(t.app, t.clock, 'analyst');
    for (let h = 0; h < 8 * 4; h++) {
      t.clock.set(t.clock.now().getTime() + 15 * 60_000);
      await t.app.inject({ url: '/api/staff/me', headers: busy.headers });
    }
    expect((await t.app.inject({ url: '/api/staff/me', headers: busy.headers })).statusCode).toBe(401);

    const out = await staffSignIn(t.app, t.clock, 'analyst');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/staff/auth/logout', headers: out.headers })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/staff/me', headers: out.headers })).statusCode).toBe(401);
  });

  test('a customer session is not a staff session, and the dev route shows the current code', async () => {
    const customer = json(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'someone' } }));
    const r = await t.app.inject({ url: '/api/staff/me', headers: { authorization: `Bearer ${customer.token}` } });
    expect([r.statusCode, json(r).code]).toEqual([401, 'STAFF_UNAUTHORIZED']);
    const dev = json(await t.app.inject({ url: '/api/dev/staff-totp/analyst' }));
    expect(dev).toMatchObject({ username: 'analyst', code: codeNow(t, 'analyst') });
  });
});

describe('roles and the audit log', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ riskKeys });
    await seedTestStaff(t.db, t.clock);
  });
  afterAll(() => t.close());

  test("an analyst cannot do a supervisor's action; both attempts are audited with who, what, why and the outcome", async () => {
    const analyst = await staffSignIn(t.app, t.clock, 'analyst');
    const supervisor = await staffSignIn(t.app, t.clock, 'supervisor');
    const lock = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/staff/risk/channels/partner-x/lockdown',
        headers,
        payload: { mode: 'review', reason: '申请量异常' },
      });
    const denied = await lock(analyst.headers);
    expect([denied.statusCode, json(denied).code]).toEqual([403, 'STAFF_FORBIDDEN']);
    expect((await lock(supervisor.headers)).statusCode).toBe(200);
    const reveal = await t.app.inject({
      method: 'POST',
      url: '/api/staff/customers/usr_AAAAAAAAAAAAAAAA/reveal',
      headers: analyst.headers,
      payload: { reason: '核实身份' },
    });
    expect(reveal.statusCode).toBe(403);

    const audit = json(await t.app.inject({ url: '/api/staff/audit?limit=50', headers: analyst.headers })).items;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'staff:analyst',
          action: 'channel.lockdown',
          outcome: 'denied',
          target: 'partner-x',
        }),
        expect.objectContaining({
          actor: 'staff:supervisor',
          role: 'supervisor',
          action: 'channel.lockdown',
          outcome: 'ok',
          reason: '申请量异常',
          detail: expect.objectContaining({ mode: 'review' }),
        }),
        expect.objectContaining({ actor: 'staff:analyst', action: 'customer.reveal', outcome: 'denied' }),
        expect.objectContaining({ actor: 'staff:analyst', action: 'auth.login', outcome: 'ok', actorKind: 'login' }),
      ]),
    );
    // The machine key is audited too.
    await t.app.inject({
      method: 'POST',
      url: '/api/staff/risk/channels/partner-x/lift',
      headers: { 'x-staff-key': TEST_STAFF_KEY },
      payload: { reason: '恢复' },
    });
    const last = json(await t.app.inject({ url: '/api/staff/audit?limit=1', headers: supervisor.headers })).items[0];
    expect(last).toMatchObject({
      action: 'channel.lift',
      actorKind: 'key',
      role: 'machine',
      actor: expect.stringMatching(/^staff:[0-9a-f]{8}$/),
    });
  });

  test('the audit log is append-only: every staff route leaves earlier rows untouched, and SQL cannot change them', async () => {
    const supervisor = await staffSignIn(t.app, t.clock, 'supervisor');
    const snapshot = async () =>
      (await t.db.selectFrom('staff_audit_log').selectAll().orderBy('seq').execute()).map((r) => JSON.stringify(r));
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(3);
    // Every staff route in the OpenAPI document, with the supervisor's session and a plausible body.
    // Plausible and hostile bodies alike: never a 5xx (the fuzz test reaches these routes only with the key).
    const doc = json(await t.app.inject({ url: '/openapi.json' }));
    const bodies = [
      { reason: '测试', verdict: 'uphold', mode: 'review' },
      { reason: '\u0000\ud800', file: { id: 'loan.apply', version: 1e308 }, from: 'x', to: 'y' },
      { file: [], backtestId: 'bkt_' + 'A'.repeat(16), reason: 'x'.repeat(5000) },
    ];
    const fivexx: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith('/api/staff/') || path.includes('/stream/') || path.includes('/simulations')) continue;
      for (const method of Object.keys(ops)) {
        for (const [i, payload] of (method === 'post' ? bodies : [undefined]).entries()) {
          const r = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: path.replace(/\{(\w+)\}/g, i === 2 ? '%00' : 'x'),
            headers: supervisor.headers,
            ...(payload ? { payload } : {}),
          });
          if (r.statusCode >= 500) fivexx.push(`${method} ${path} ${r.statusCode}`);
        }
      }
    }
    expect(fivexx).toEqual([]);
    const after = await snapshot();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);

    await expect(sql`update staff_audit_log set reason = 'changed'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from staff_audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate staff_audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(after);
  });

  test('no source file updates or deletes audit rows (the app only inserts)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.ts$/.test(name) && !name.endsWith('.test.ts') && !file.includes('/migrations/')) {
          const text = readFileSync(file, 'utf8');
          if (/(updateTable|deleteFrom)\(\s*'staff_audit_log'|(update|delete\s+from)\s+staff_audit_log/i.test(text))
            offenders.push(file);
        }
      }
    };
    walk(join(__dirname, '..'));
    expect(offenders).toEqual([]);
  });
});
