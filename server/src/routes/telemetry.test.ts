import { createVirtualClient, type RiskClient } from '@lingjie/risk-sdk/virtual';
import { RequestError } from '../../../sdk/src/platform/request-error';
import { json, startTestApp, type TestContext } from '../../test/helpers';
import { TEST_KEY, riskKeys } from '../../test/risk-device';
import { TELEMETRY_RATE } from './telemetry';

// Issue #8 point 4: what a telemetry token may carry. Every case goes through a real SDK client
// (an attacker holds their own session keys, so anything `track` can send, a forger can too).
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

type Answer = {
  status: number;
  body: { accepted?: string[]; refused?: Array<{ id: string; code: string }>; code?: string };
};

/** A virtual phone whose telemetry answers are recorded; `ip` is where its requests come from. */
async function device(ip = '10.0.0.1', batchSize = 20) {
  const answers: Answer[] = [];
  const { client, platform } = createVirtualClient({
    serverPublicKey: TEST_KEY.publicKey,
    keyId: TEST_KEY.keyId,
    endpoint: '/api',
    telemetryOnGrant: false,
    transport: { batchSize, maxAgeMs: 3_600_000 },
    device: {
      clock: () => t.clock.now().getTime(),
      post: async (url, body) => {
        const res = await t.app.inject({ method: 'POST', url, payload: body as object, remoteAddress: ip });
        if (url.endsWith('/risk/telemetry')) answers.push({ status: res.statusCode, body: res.json() });
        if (res.statusCode >= 400) throw new RequestError(res.statusCode, res.json());
        return res.json();
      },
    },
  });
  await client.grantConsent(['basic', 'behaviour']);
  return { client, platform, answers };
}

function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let cur = root;
  for (let i = 0; i < depth; i++) cur = (cur.a = {}) as Record<string, unknown>;
  return root;
}

async function stored(id: string) {
  return t.db.selectFrom('telemetry_events').select(['event_id', 'kind']).where('event_id', '=', id).execute();
}

/** Tracks one event, flushes, and answers the one telemetry answer and whether the event was stored. */
async function sendOne(client: RiskClient, answers: Answer[], type: string, data: unknown) {
  const id = client.track(type, data as never)!;
  const flushed = await client.flush();
  return { id, answer: answers.at(-1)!, flushed, rows: await stored(id) };
}

describe('telemetry: event guards', () => {
  test('deeply nested event data is refused (never stored, never a 500) and the queue moves on', async () => {
    const { client, answers } = await device();
    const r = await sendOne(client, answers, 'tap', nested(3000));
    expect(r.answer.status).toBe(200);
    expect(r.answer.body.refused).toEqual([{ id: r.id, code: 'EVENT_TOO_DEEP' }]);
    // Acknowledged, so the device drops it instead of resending it forever.
    expect(r.answer.body.accepted).toEqual([r.id]);
    expect(r.flushed).toMatchObject({ ok: true, remaining: 0 });
    expect(r.rows).toEqual([]);
    // One level under the limit is fine.
    const ok = await sendOne(client, answers, 'tap', { n: 1 });
    expect(ok.answer.body.refused).toEqual([]);
    expect(ok.rows).toHaveLength(1);
    client.destroy();
  });

  // Today: Postgres refuses U+0000 in jsonb, and the route answered 500. (Lone surrogates, which
  // Postgres refuses too, never leave the SDK; json-guards.test.ts covers them.)
  test('text Postgres cannot store (U+0000) is refused, not a 500', async () => {
    const { client, answers } = await device();
    for (const data of [{ s: 'a\u0000b' }, { ['k\u0000']: 1 }]) {
      const r = await sendOne(client, answers, 'tap', data);
      expect(r.answer.status).toBe(200);
      expect(r.answer.body.refused).toEqual([{ id: r.id, code: 'EVENT_BAD_TEXT' }]);
      expect(r.rows).toEqual([]);
    }
    client.destroy();
  });

  test('prototype keys in event data are refused', async () => {
    const { client, answers } = await device();
    for (const raw of ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}']) {
      const r = await sendOne(client, answers, 'tap', JSON.parse(raw));
      expect(r.answer.body.refused).toEqual([{ id: r.id, code: 'EVENT_FORBIDDEN_KEY' }]);
      expect(r.rows).toEqual([]);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    client.destroy();
  });

  test('only allowed kinds with their schema are stored', async () => {
    const { client, answers } = await device();
    const unknown = await sendOne(client, answers, 'wire.transfer', { n: 1 });
    expect(unknown.answer.body.refused).toEqual([{ id: unknown.id, code: 'EVENT_KIND_UNKNOWN' }]);
    const nestedApp = await sendOne(client, answers, 'tap', { a: { b: 1 } });
    expect(nestedApp.answer.body.refused).toEqual([{ id: nestedApp.id, code: 'EVENT_INVALID' }]);
    const fakeSnapshot = await sendOne(client, answers, 'snapshot', { device: { value: 1 } });
    expect(fakeSnapshot.answer.body.refused).toEqual([{ id: fakeSnapshot.id, code: 'EVENT_INVALID' }]);
    const big = await sendOne(client, answers, 'page.view', { page: 'x'.repeat(300) });
    expect(big.answer.body.refused).toEqual([{ id: big.id, code: 'EVENT_INVALID' }]);
    for (const r of [unknown, nestedApp, fakeSnapshot, big]) expect(r.rows).toEqual([]);
    client.destroy();
  });

  test("the SDK's own snapshot and behaviour events pass their schemas", async () => {
    const { client, platform, answers } = await device();
    const snap = await sendOne(client, answers, 'snapshot', await client.collect());
    expect(snap.answer.body.refused).toEqual([]);
    expect(snap.rows).toEqual([{ event_id: snap.id, kind: 'snapshot' }]);
    client.behaviour.pageShow('home');
    client.behaviour.touchStart(10, 20, 0.5);
    client.behaviour.touchEnd();
    client.behaviour.focus('amount');
    client.behaviour.input('amount', 3);
    client.behaviour.blur('amount');
    platform.hide(); // the SDK queues its behaviour summary and flushes
    await client.flush();
    const rows = await t.db.selectFrom('telemetry_events').select(['kind']).where('kind', '=', 'behaviour').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(answers.flatMap((a) => a.body.refused ?? [])).toEqual([]);
    client.destroy();
  });

  test('an event over 32 KB is refused', async () => {
    const { client, answers } = await device();
    const data = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'x'.repeat(256)]));
    const ok = await sendOne(client, answers, 'tap', data); // ~4 KB: fine
    expect(ok.answer.body.refused).toEqual([]);
    const snapshot = await client.collect();
    const huge = { ...snapshot, fingerprint: { value: { blob: 'x'.repeat(40_000) }, duration: 1 } };
    const r = await sendOne(client, answers, 'snapshot', huge);
    expect(r.answer.body.refused).toEqual([{ id: r.id, code: 'EVENT_TOO_LARGE' }]);
    client.destroy();
  });
});

describe('telemetry: token guards', () => {
  test('more than 50 events in one token is a 400 for the token', async () => {
    // The SDK's default batch is 20; a client configured (or forged) to send 60 at once is refused.
    const { client, answers } = await device('10.0.0.5', 60);
    for (let i = 0; i < 60; i++) client.track('tap', { i });
    await client.flush();
    expect(answers[0]).toMatchObject({ status: 400, body: { code: 'TELEMETRY_TOO_MANY_EVENTS' } });
    client.destroy();
  });

  test('a risk session is limited per minute; another session on the same IP is not affected', async () => {
    const { client, answers } = await device('10.0.0.2');
    for (let i = 0; i <= TELEMETRY_RATE.perSession; i++) {
      client.track('tap', { i });
      await client.flush();
    }
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, TELEMETRY_RATE.perSession).every((s) => s === 200)).toBe(true);
    expect(answers.at(-1)).toMatchObject({ status: 429, body: { code: 'TELEMETRY_RATE_LIMITED' } });
    client.destroy();
    const other = await device('10.0.0.2');
    other.client.track('tap', { n: 1 });
    await other.client.flush();
    expect(other.answers[0].status).toBe(200);
    other.client.destroy();
  });

  test('an IP is limited per minute before the body is read', async () => {
    let last = 0;
    for (let i = 0; i <= TELEMETRY_RATE.perIp; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/risk/telemetry',
        payload: { token: 'x' },
        remoteAddress: '10.0.0.3',
      });
      last = r.statusCode;
      if (last === 429) {
        expect(json(r).code).toBe('RATE_LIMITED');
        expect(i).toBe(TELEMETRY_RATE.perIp);
      }
    }
    expect(last).toBe(429);
  });

  test('a body over the route limit is a 413 with the limit in the message', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/risk/telemetry',
      payload: { token: 'x'.repeat(300_000) },
      remoteAddress: '10.0.0.4',
    });
    expect(r.statusCode).toBe(413);
    expect(json(r)).toMatchObject({ code: 'BODY_TOO_LARGE', message: expect.stringContaining('KB') });
  });
});
