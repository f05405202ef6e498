import { sql } from 'kysely';
import { buildApp } from '../app';
import { secondConnection } from '../../test/db';
import { json, startTestApp, type TestContext } from '../../test/helpers';
import { newDevice, riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

describe('risk routes', () => {
  test('a refused handshake is a 400 with the SDK code', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/risk/handshake', payload: { v: 1, nope: true } });
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe('MALFORMED');
  });

  test('telemetry is verified, stored once per event id and acknowledged', async () => {
    const device = await newDevice(t.app, t.clock);
    const id1 = device.track('page.view', { page: 'home' });
    const id2 = device.track('tap', { n: 2 });
    const flushed = await device.flush();
    expect(flushed.ok).toBe(true);
    const rows = await t.db
      .selectFrom('telemetry_events')
      .selectAll()
      .where('event_id', 'in', [id1!, id2!])
      .orderBy('kind')
      .execute();
    // Each event stored once, as the device sent it, under its id and kind, at the bank's time.
    expect(rows.map((r) => [r.event_id, r.kind])).toEqual([
      [id1, 'page.view'],
      [id2, 'tap'],
    ]);
    expect(rows[0].payload).toEqual({ id: id1, t: expect.any(Number), type: 'page.view', data: { page: 'home' } });
    expect(rows[1].payload).toEqual({ id: id2, t: expect.any(Number), type: 'tap', data: { n: 2 } });
    expect(rows.map((r) => new Date(r.received_at).getTime())).toEqual([
      t.clock.now().getTime(),
      t.clock.now().getTime(),
    ]);
    expect(rows[0].session_id).toMatch(/\S/);
    expect(rows[1].session_id).toBe(rows[0].session_id);
    device.destroy();
  });

  test('a telemetry token sent twice is refused the second time (replay), rows stay unique', async () => {
    let captured: { token: string } | null = null;
    const device = await newDevice(t.app, t.clock);
    // Capture the sealed batch by replaying what the device posted.
    const orig = t.app.inject.bind(t.app);
    const spy = jest.spyOn(t.app, 'inject').mockImplementation(((opts: any) => {
      if (opts.url === '/api/risk/telemetry') captured = opts.payload;
      return orig(opts);
    }) as any);
    device.track('tap', { n: 1 });
    await device.flush();
    spy.mockRestore();
    expect(captured).not.toBeNull();
    const before = await t.db
      .selectFrom('telemetry_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await t.app.inject({ method: 'POST', url: '/api/risk/telemetry', payload: captured! });
    expect(again.statusCode).toBe(403);
    expect(json(again).code).toBe('REPLAY_NONCE');
    const after = await t.db
      .selectFrom('telemetry_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    device.destroy();
  });

  test('a second server instance on the same database refuses a replay accepted by the first', async () => {
    const device = await newDevice(t.app, t.clock);
    let captured: { token: string } | null = null;
    const orig = t.app.inject.bind(t.app);
    const spy = jest.spyOn(t.app, 'inject').mockImplementation(((opts: any) => {
      if (opts.url === '/api/risk/telemetry') captured = opts.payload;
      return orig(opts);
    }) as any);
    device.track('tap', { n: 3 });
    await device.flush();
    spy.mockRestore();
    const conn = await secondConnection(t.db);
    const other = await buildApp({ db: conn.db, clock: t.clock, riskKeys, logger: false });
    const r = await other.inject({ method: 'POST', url: '/api/risk/telemetry', payload: captured! });
    expect(r.statusCode).toBe(403);
    expect(json(r).code).toBe('REPLAY_NONCE');
    // …while a fresh token from the same session is accepted there: the session itself is shared.
    const device2Token = await device.seal('account.change', {
      method: 'POST',
      path: '/api/accounts',
      body: { probe: 1 },
    });
    const ok = await other.inject({ method: 'POST', url: '/api/risk/telemetry', payload: { token: device2Token } });
    expect(json(ok).code).toBe('BIZ_MISMATCH');
    await other.close();
    await conn.close();
    device.destroy();
  });

  test('a telemetry token whose events failed to commit is not consumed: the resend is accepted and stored once', async () => {
    const device = await newDevice(t.app, t.clock);
    let captured: { token: string } | null = null;
    const orig = t.app.inject.bind(t.app);
    const spy = jest.spyOn(t.app, 'inject').mockImplementation(((opts: any) => {
      if (opts.url !== '/api/risk/telemetry') return orig(opts);
      captured = opts.payload; // held back: sent below
      return { statusCode: 503, json: () => ({ code: 'DB_UNAVAILABLE' }) };
    }) as any);
    const id = device.track('tap', { n: 4 });
    await device.flush();
    spy.mockRestore();
    // The next insert into telemetry_events fails (a sequence is not rolled back with it, so only once).
    await sql`create sequence fail_once_seq`.execute(t.db);
    await sql`create function fail_once() returns trigger language plpgsql as $$
      begin if nextval('fail_once_seq') = 1 then raise exception 'simulated write failure'; end if; return new; end $$`.execute(
      t.db,
    );
    await sql`create trigger fail_once before insert on telemetry_events for each row execute function fail_once()`.execute(
      t.db,
    );
    try {
      const failed = await orig({ method: 'POST', url: '/api/risk/telemetry', payload: captured! });
      expect(failed.statusCode).toBe(500);
      const resent = await orig({ method: 'POST', url: '/api/risk/telemetry', payload: captured! });
      expect(resent.statusCode).toBe(200);
      expect(json(resent).accepted).toEqual([id]);
      const rows = await t.db.selectFrom('telemetry_events').select('event_id').where('event_id', '=', id!).execute();
      expect(rows).toHaveLength(1);
      // …and now it is consumed.
      const replay = await orig({ method: 'POST', url: '/api/risk/telemetry', payload: captured! });
      expect(json(replay).code).toBe('REPLAY_NONCE');
    } finally {
      await sql`drop trigger fail_once on telemetry_events`.execute(t.db);
      await sql`drop function fail_once()`.execute(t.db);
      await sql`drop sequence fail_once_seq`.execute(t.db);
      device.destroy();
    }
  });

  test('garbage tokens are 403 MALFORMED, never 500', async () => {
    for (const token of ['x', 'a.b.c.d', 'é'.repeat(50)]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/risk/telemetry', payload: { token } });
      expect(r.statusCode).toBe(403);
      expect(json(r).code).toBe('MALFORMED');
    }
  });
});
