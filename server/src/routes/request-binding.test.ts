import { randomUUID } from 'node:crypto';
import { json, startTestApp, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard, signedContract, type Onboarded } from '../../test/flows';
import { fakeEngine } from '../../test/fake-engine';
import { riskKeys } from '../../test/risk-device';

// Issue #8, binding, over HTTP: an action token is bound to the method, the path with its resource
// ids and the body it was sealed for, and its risk session to the first customer it acted for.
// The engine is scripted to allow every move, so only the token check can refuse.
let t: TestContext;
let a: Onboarded;
let b: Onboarded;

beforeAll(async () => {
  t = await startTestApp({ riskKeys, engine: fakeEngine() });
  a = await onboard(t.app, t.clock);
  b = await onboard(t.app, t.clock);
});
afterAll(() => t.close());

/** POST `body` to `url` as `who`, with a token `sealer` sealed for `sealedFor` (default: this very request). */
async function send(
  who: Onboarded,
  url: string,
  action: string,
  body: object,
  opts: { sealedFor?: string; sealer?: Onboarded } = {},
) {
  const token = await (opts.sealer ?? who).device.seal(action, {
    method: 'POST',
    path: opts.sealedFor ?? url,
    body,
  });
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: who.ip,
    headers: { ...who.auth, 'x-risk-token': token, 'idempotency-key': randomUUID() },
    payload: body,
  });
}

describe('a token is bound to the route and its resource ids', () => {
  test('a repayment token sealed for loan A is refused on loan B (same body); B takes its own token', async () => {
    const loanA = await drawnLoan(t.app, a);
    const loanB = await drawnLoan(t.app, a);
    const body = { kind: 'current' };
    const moved = await send(a, `/api/loans/${loanB.id}/repayments`, 'repay', body, {
      sealedFor: `/api/loans/${loanA.id}/repayments`,
    });
    expect(moved.statusCode).toBe(403);
    expect(json(moved)).toMatchObject({ code: 'BIZ_MISMATCH', message: expect.stringContaining('重新提交') });
    const history = await t.app.inject({ url: `/api/loans/${loanB.id}/repayments`, headers: a.auth });
    expect(json(history).items).toEqual([]);
    const own = await send(a, `/api/loans/${loanB.id}/repayments`, 'repay', body);
    expect(own.statusCode).toBe(200);
  });

  test('a drawdown token sealed for contract A is refused on contract B; B takes its own token', async () => {
    const contractA = await signedContract(t.app, a);
    const contractB = await signedContract(t.app, a);
    const body = { amountFen: 1_000_000, accountId: a.accountId };
    const moved = await send(a, `/api/contracts/${contractB}/drawdowns`, 'drawdown', body, {
      sealedFor: `/api/contracts/${contractA}/drawdowns`,
    });
    expect(moved.statusCode).toBe(403);
    expect(json(moved).code).toBe('BIZ_MISMATCH');
    expect((await send(a, `/api/contracts/${contractB}/drawdowns`, 'drawdown', body)).statusCode).toBe(200);
  });

  test('the query string is not part of the binding; the path as sent is', async () => {
    const body = { kind: 'card', accountNo: a.cardNo, holderName: '张三', bankName: '零接银行' };
    const token = await a.device.seal('account.change', { method: 'POST', path: '/api/accounts', body });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/accounts?utm=x',
      remoteAddress: a.ip,
      headers: { ...a.auth, 'x-risk-token': token },
      payload: body,
    });
    expect(r.statusCode).toBe(200);
  });
});

describe('a risk session is bound to the customer', () => {
  test("a token from customer A's session is refused on customer B's request", async () => {
    // onboard() added each customer's card with their own device: A's session is bound to A.
    const body = { kind: 'card', accountNo: b.cardNo, holderName: '张三', bankName: '零接银行' };
    const r = await send(b, '/api/accounts', 'account.change', body, { sealer: a });
    expect(r.statusCode).toBe(403);
    expect(json(r)).toMatchObject({ code: 'SESSION_CUSTOMER_MISMATCH', message: expect.stringContaining('重新登录') });
    // B's own session goes through; A's session still works for A.
    expect((await send(b, '/api/accounts', 'account.change', body)).statusCode).toBe(200);
    const own = { kind: 'card', accountNo: a.cardNo, holderName: '张三', bankName: '零接银行' };
    expect((await send(a, '/api/accounts', 'account.change', own)).statusCode).toBe(200);
  });

  test('logging out and in as another customer on the same phone starts a new binding', async () => {
    const phone = await onboard(t.app, t.clock); // its device's session is bound to this customer
    phone.device.resetSession(); // what the app does on logout / account switch
    const body = { kind: 'card', accountNo: b.cardNo, holderName: '张三', bankName: '零接银行' };
    expect((await send(b, '/api/accounts', 'account.change', body, { sealer: phone })).statusCode).toBe(200);
    // …and that new session now belongs to B.
    const own = { kind: 'card', accountNo: phone.cardNo, holderName: '张三', bankName: '零接银行' };
    const back = await send(phone, '/api/accounts', 'account.change', own);
    expect(json(back).code).toBe('SESSION_CUSTOMER_MISMATCH');
  });
});
