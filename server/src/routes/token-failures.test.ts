import { json, startTestApp, type TestContext } from '../../test/helpers';
import { onboard, type Onboarded } from '../../test/flows';
import { fakeEngine, type FakeEngine } from '../../test/fake-engine';
import { riskKeys } from '../../test/risk-device';
import { claimedSessionId } from '../risk/token-failures';
import { withBadMac } from '../../test/token-forge';

// Every token the verifier refuses is counted by the engine (per IP, and per device through the
// claimed session), on action routes and on telemetry alike.
let t: TestContext;
let engine: FakeEngine;
let u: Onboarded;

beforeAll(async () => {
  engine = fakeEngine();
  t = await startTestApp({ riskKeys, engine });
  u = await onboard(t.app, t.clock);
});
afterAll(() => t.close());

const accountBody = { kind: 'card', accountNo: '6222020000000000034', holderName: '张三', bankName: '零接银行' };

test('an action token with a bad MAC: 403 MAC_INVALID, recorded with the IP and the claimed session', async () => {
  const token = await u.device.seal('account.change', { method: 'POST', path: '/api/accounts', body: accountBody });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: { ...u.auth, 'x-risk-token': withBadMac(token) },
    payload: accountBody,
  });
  expect(r.statusCode).toBe(403);
  expect(json(r).code).toBe('MAC_INVALID');
  expect(engine.failures).toContainEqual({ ip: '127.0.0.1', code: 'MAC_INVALID', sessionId: claimedSessionId(token) });
  expect(claimedSessionId(token)).toMatch(/^[A-Za-z0-9_-]{22}$/);
});

test('a telemetry token refused is recorded too; garbage has no session to charge', async () => {
  const before = engine.failures.length;
  const r = await t.app.inject({ method: 'POST', url: '/api/risk/telemetry', payload: { token: 'garbage' } });
  expect(r.statusCode).toBe(403);
  expect(engine.failures.slice(before)).toEqual([{ ip: '127.0.0.1', code: 'MALFORMED' }]);
});

test('a missing token is not a refusal (428, nothing recorded)', async () => {
  const before = engine.failures.length;
  const r = await t.app.inject({ method: 'POST', url: '/api/accounts', headers: u.auth, payload: accountBody });
  expect(r.statusCode).toBe(428);
  expect(engine.failures.length).toBe(before);
});

test('an engine that cannot record does not change the answer', async () => {
  const record = engine.recordTokenFailure;
  engine.recordTokenFailure = () => Promise.reject(new Error('store down'));
  try {
    const r = await t.app.inject({ method: 'POST', url: '/api/risk/telemetry', payload: { token: 'garbage' } });
    expect(json(r).code).toBe('MALFORMED');
  } finally {
    engine.recordTokenFailure = record;
  }
});
