import { json, startTestApp, TEST_CARD, TEST_NAME, type TestContext } from '../../test/helpers';
import { onboard, type Onboarded } from '../../test/flows';
import { newDevice, riskKeys } from '../../test/risk-device';
import { atRestKeys } from '../risk/at-rest';
import { createSqlRiskStore } from '../risk/sql-risk-store';
import { decodeHeader, withBadMac, withGarbagePayload, withHeader } from '../../test/token-forge';
import { fakeEngine, type FakeEngine } from '../../test/fake-engine';

let t: TestContext;
let u: Onboarded;
// The verifier is under test here, not the risk engine: a scripted engine that allows every move,
// so the refusals below (which the real engine counts) do not turn the next genuine request into a
// step-up. It records what it was told, for the last test.
let engine: FakeEngine;
const body = { kind: 'card', accountNo: TEST_CARD, holderName: TEST_NAME, bankName: '零接银行' };
/** The request an account change is bound to (PROTOCOL.md §4.1). */
const accounts = (b: object = body) => ({ method: 'POST', path: '/api/accounts', body: b });
const post = (token: string | undefined, payload: object = body) =>
  t.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: { ...u.auth, ...(token ? { 'x-risk-token': token } : {}) },
    payload,
  });

beforeAll(async () => {
  engine = fakeEngine();
  t = await startTestApp({ riskKeys, engine });
  u = await onboard(t.app, t.clock);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-01T02:00:00Z'));

// Every verifier reason code reaches the client as a 4xx with that code.
describe('action tokens over HTTP', () => {
  test('a genuine token for the exact body passes', async () => {
    const r = await post(await u.device.seal('account.change', accounts()));
    expect(r.statusCode).toBe(200);
    expect(json(r).warnings).toEqual([]);
  });

  test('PAYLOAD_INVALID: a correctly MACed token whose ciphertext is not a payload', async () => {
    // Its own device: the forged token advances that session's sequence far ahead.
    const device = await newDevice(t.app, t.clock);
    const token = await device.seal('account.change', accounts());
    const sid = String(decodeHeader(token).sid);
    // Session keys are sealed at rest; the test opens them the way the server does.
    const s = await createSqlRiskStore(t.db, { atRestKey: atRestKeys(riskKeys) }).getSession(sid);
    const r = await post(withGarbagePayload(token, { macKey: s!.macKey, encKey: s!.encKey }, s!.lastSeq + 100));
    expect(json(r).code).toBe('PAYLOAD_INVALID');
  });

  test('missing token → 428 RISK_TOKEN_REQUIRED', async () => {
    const r = await post(undefined);
    expect(r.statusCode).toBe(428);
    expect(json(r).code).toBe('RISK_TOKEN_REQUIRED');
  });

  const cases: Array<[string, () => Promise<{ token: string; payload?: object }>]> = [
    ['MALFORMED', async () => ({ token: 'not.a.token' })],
    [
      'SUITE_UNSUPPORTED',
      async () => ({
        token: withHeader(await u.device.seal('account.change', accounts()), (h) => {
          h.suite = 'LJR9-NOPE';
        }),
      }),
    ],
    [
      'SESSION_UNKNOWN',
      async () => ({
        token: withHeader(await u.device.seal('account.change', accounts()), (h) => {
          h.sid = 'AAAAAAAAAAAAAAAAAAAAAA';
        }),
      }),
    ],
    ['MAC_INVALID', async () => ({ token: withBadMac(await u.device.seal('account.change', accounts())) })],
    [
      'BIZ_MISMATCH',
      async () => ({
        token: await u.device.seal('account.change', accounts()),
        payload: { ...body, bankName: '别的银行' },
      }),
    ],
    ['BIZ_MISMATCH', async () => ({ token: await u.device.seal('repay', accounts()) })],
  ];
  test.each(cases)('%s', async (code, make) => {
    const { token, payload } = await make();
    const r = await post(token, payload);
    expect(r.statusCode).toBe(403);
    expect(json(r).code).toBe(code);
    expect(typeof json(r).message).toBe('string');
  });

  test('REPLAY_NONCE: the same token twice', async () => {
    const token = await u.device.seal('account.change', accounts());
    expect((await post(token)).statusCode).toBe(200);
    const r = await post(token);
    expect(r.statusCode).toBe(403);
    expect(json(r).code).toBe('REPLAY_NONCE');
  });

  test('SEQ_REWIND: an older token after a newer one', async () => {
    const older = await u.device.seal('account.change', accounts());
    const newer = await u.device.seal('account.change', accounts());
    expect((await post(newer)).statusCode).toBe(200);
    const r = await post(older);
    expect(json(r).code).toBe('SEQ_REWIND');
  });

  test('TS_SKEW: a token held back beyond the ±5 min window', async () => {
    const token = await u.device.seal('account.change', accounts());
    t.clock.set('2026-03-01T02:06:00Z');
    const r = await post(token);
    expect(json(r).code).toBe('TS_SKEW');
  });

  test('SESSION_EXPIRED: a token from a session past its lifetime', async () => {
    const token = await u.device.seal('account.change', accounts());
    t.clock.set('2026-03-01T03:00:00Z');
    const r = await post(token);
    expect(json(r).code).toBe('SESSION_EXPIRED');
  });

  test('every refusal above was counted by the engine, with the code the client got', () => {
    const codes = new Set(engine.failures.map((f) => f.code));
    for (const code of [
      'MALFORMED',
      'SUITE_UNSUPPORTED',
      'SESSION_UNKNOWN',
      'MAC_INVALID',
      'BIZ_MISMATCH',
      'REPLAY_NONCE',
    ])
      expect(codes).toContain(code);
    expect(codes).toContain('SEQ_REWIND');
    // A missing token is no refusal: the client is told to update, nothing is counted.
    expect(codes).not.toContain('RISK_TOKEN_REQUIRED');
  });
});
