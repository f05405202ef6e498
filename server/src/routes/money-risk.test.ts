import { randomUUID } from 'node:crypto';
import { json, latestSms, startTestApp, TEST_STAFF_KEY, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard, signedContract, type Onboarded } from '../../test/flows';
import { fakeEngine, type FakeEngine } from '../../test/fake-engine';
import { sealedPost } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';

// Transaction risk on money moves, end to end over HTTP with a scripted engine: each outcome
// (allow, step-up, hold, block) and what the customer and staff can do about it.
let t: TestContext;
let engine: FakeEngine;
let u: Onboarded;

beforeAll(async () => {
  engine = fakeEngine();
  t = await startTestApp({ riskKeys, engine });
  u = await onboard(t.app, t.clock);
});
afterAll(() => t.close());
afterEach(() => {
  engine.outcomes = {};
});

/** A sealed POST with extra headers (step-up code, idempotency key). */
async function move(url: string, action: string, body: object, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: u.ip,
    headers: {
      ...u.auth,
      'x-risk-token': await u.device.seal(action, { method: 'POST', path: url, body }),
      ...headers,
    },
    payload: body,
  });
}
const drawdownOn = (contractId: string, key = randomUUID(), headers: Record<string, string> = {}) =>
  move(
    `/api/contracts/${contractId}/drawdowns`,
    'drawdown',
    { amountFen: 1_000_000, accountId: u.accountId },
    { 'idempotency-key': key, ...headers },
  );
const loanCount = async () => json(await t.app.inject({ url: '/api/loans', headers: u.auth })).items.length;
const staff = { 'x-staff-key': TEST_STAFF_KEY };
const lastInput = () => engine.inputs[engine.inputs.length - 1];

describe('allow', () => {
  test('a drawdown goes through; the engine saw the action, amount, receiving account and token', async () => {
    const contractId = await signedContract(t.app, u);
    const r = await drawdownOn(contractId);
    expect(r.statusCode).toBe(200);
    const ctx = lastInput().context;
    expect(ctx).toMatchObject({ action: 'drawdown', amountFen: 1_000_000, userId: u.userId, ip: u.ip });
    expect(ctx.identities).toEqual({ account: u.cardNo });
    expect(typeof ctx.accountAddedAt).toBe('number');
    expect(lastInput().token?.header).toMatchObject({ act: 'drawdown' });
  });

  test('signing, account change, deferral and renewal are screened with their own action', async () => {
    const actions = engine.inputs.map((i) => i.context.action);
    // onboard added an account; signedContract applied and signed.
    expect(actions).toEqual(expect.arrayContaining(['account.change', 'loan.apply', 'contract.sign']));
    const loan = await drawnLoan(t.app, u);
    const d = await move(
      `/api/loans/${loan.id}/deferrals`,
      'deferral',
      { option: 'INTEREST_ONLY', months: 3 },
      { 'idempotency-key': randomUUID() },
    );
    expect(lastInput().context.action).toBe('deferral');
    expect(d.statusCode).toBeLessThan(500);
  });
});

describe('block', () => {
  test('403 RISK_BLOCKED, says where to get help, and no money moves', async () => {
    const contractId = await signedContract(t.app, u);
    const before = await loanCount();
    engine.outcomes.drawdown = 'block';
    const r = await drawdownOn(contractId);
    expect(r.statusCode).toBe(403);
    expect(json(r)).toMatchObject({ code: 'RISK_BLOCKED', decisionId: expect.any(String) });
    expect(json(r).message).toContain('人工服务');
    expect(await loanCount()).toBe(before);
  });

  test('an account change can be blocked too', async () => {
    engine.outcomes['account.change'] = 'block';
    const r = await move('/api/accounts', 'account.change', {
      kind: 'card',
      accountNo: '6222020000000000018',
      holderName: '张三',
      bankName: '零接银行',
    });
    expect(json(r).code).toBe('RISK_BLOCKED');
  });
});

describe('step-up', () => {
  test('428 with the decision id → SMS to the bound phone → resubmit with the code, once', async () => {
    const contractId = await signedContract(t.app, u);
    engine.outcomes.drawdown = 'step-up';
    const key = randomUUID();
    const first = await drawdownOn(contractId, key);
    expect(first.statusCode).toBe(428);
    const { code, decisionId, message } = json(first);
    expect(code).toBe('RISK_STEP_UP');
    expect(message).toContain('短信验证');

    // A code before any SMS was asked for is refused.
    expect(json(await drawdownOn(contractId, key, { 'x-step-up-code': '000000' })).code).toBe('STEP_UP_EXPIRED');

    const sms = await t.app.inject({
      method: 'POST',
      url: '/api/risk/step-up/sms',
      headers: u.auth,
      payload: { decisionId },
    });
    expect(sms.statusCode).toBe(200);
    expect(json(sms).phone).toBe(`${u.phone.slice(0, 3)}****${u.phone.slice(-4)}`);
    const smsCode = await latestSms(t.app, u.phone, 'risk.step_up');
    const wrong = smsCode === '000000' ? '111111' : '000000';
    expect(json(await drawdownOn(contractId, key, { 'x-step-up-code': wrong })).code).toBe('SMS_CODE_WRONG');

    const before = await loanCount();
    const ok = await drawdownOn(contractId, key, { 'x-step-up-code': smsCode });
    expect(ok.statusCode).toBe(200);
    expect(await loanCount()).toBe(before + 1);

    // The code let one move through: the next one is challenged afresh.
    const again = await drawdownOn(contractId, randomUUID(), { 'x-step-up-code': smsCode });
    expect(json(again).code).toBe('STEP_UP_EXPIRED');
  });

  test('a code is good only for the request it was asked on, and only for its own customer', async () => {
    const other = await onboard(t.app, t.clock);
    const contractId = await signedContract(t.app, u);
    engine.outcomes['account.change'] = 'step-up';
    engine.outcomes.drawdown = 'step-up';
    const body = { kind: 'card', accountNo: '6222020000000000026', holderName: '张三', bankName: '零接银行' };
    const r = await move('/api/accounts', 'account.change', body);
    const { decisionId } = json(r);
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/risk/step-up/sms',
      headers: other.auth,
      payload: { decisionId },
    });
    expect(stranger.statusCode).toBe(404);
    await t.app.inject({ method: 'POST', url: '/api/risk/step-up/sms', headers: u.auth, payload: { decisionId } });
    const smsCode = await latestSms(t.app, u.phone, 'risk.step_up');
    // Bound to the request it was raised on: another account with the same code is refused.
    const otherBody = { ...body, accountNo: '6222020000000000042' };
    expect(json(await move('/api/accounts', 'account.change', otherBody, { 'x-step-up-code': smsCode })).code).toBe(
      'STEP_UP_EXPIRED',
    );
    expect(json(await drawdownOn(contractId, randomUUID(), { 'x-step-up-code': smsCode })).code).toBe(
      'STEP_UP_EXPIRED',
    );
    const ok = await move('/api/accounts', 'account.change', body, { 'x-step-up-code': smsCode });
    expect(ok.statusCode).toBe(200);
  });
});

describe('hold', () => {
  test('409 RISK_HELD: nothing moves until staff release it, then one resubmission goes through', async () => {
    const contractId = await signedContract(t.app, u);
    const before = await loanCount();
    engine.outcomes.drawdown = 'hold';
    const held = await drawdownOn(contractId);
    expect(held.statusCode).toBe(409);
    expect(json(held).code).toBe('RISK_HELD');
    expect(json(held).message).toContain('人工审核');
    const { decisionId } = json(held);
    // A resubmission before review joins the same hold.
    expect(json(await drawdownOn(contractId)).decisionId).toBe(decisionId);
    expect(await loanCount()).toBe(before);

    const pending = json(await t.app.inject({ url: '/api/staff/risk/holds?status=pending', headers: staff }));
    expect(pending.items).toEqual([expect.objectContaining({ decisionId, action: 'drawdown', status: 'pending' })]);
    const release = await t.app.inject({
      method: 'POST',
      url: `/api/staff/risk/holds/${decisionId}/release`,
      headers: staff,
      payload: { reason: '电话核实为本人操作' },
    });
    expect(json(release)).toMatchObject({ status: 'released', reason: '电话核实为本人操作' });
    expect(json(release).resolvedBy).toMatch(/^staff:[0-9a-f]{8}$/);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/risk/holds/${decisionId}/release`,
      headers: staff,
      payload: { reason: 'x' },
    });
    expect(json(again).code).toBe('HOLD_RESOLVED');
    const notices = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    expect(notices.map((n: { title: string }) => n.title)).toContain('支用审核已通过');

    expect((await drawdownOn(contractId)).statusCode).toBe(200);
    expect(await loanCount()).toBe(before + 1);
    // The release was for one move.
    const next = await drawdownOn(contractId);
    expect(json(next).code).toBe('RISK_HELD');
    expect(json(next).decisionId).not.toBe(decisionId);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/staff/risk/holds/${json(next).decisionId}/refuse`,
      headers: staff,
      payload: { reason: '非本人操作' },
    });
    expect(json(refused).status).toBe('refused');
    expect(json(await drawdownOn(contractId)).code).toBe('RISK_HELD');
  });
});

describe('repayment: paying back is always possible', () => {
  test('without a token (device consent withdrawn) it is accepted, and the engine decides on server facts', async () => {
    const loan = await drawnLoan(t.app, u);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/loans/${loan.id}/repayments`,
      headers: { ...u.auth, 'idempotency-key': randomUUID() },
      payload: { kind: 'full' },
    });
    expect(r.statusCode).toBe(200);
    expect(lastInput()).toMatchObject({ token: null, context: { action: 'repay', userId: u.userId } });
  });

  test('an engine saying hold or block still only asks for the SMS check', async () => {
    const loan = await drawnLoan(t.app, u);
    for (const outcome of ['hold', 'block'] as const) {
      engine.outcomes.repay = outcome;
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/loans/${loan.id}/repayments`,
        headers: { ...u.auth, 'idempotency-key': randomUUID() },
        payload: { kind: 'full' },
      });
      expect(r.statusCode).toBe(428);
      expect(json(r).code).toBe('RISK_STEP_UP');
    }
  });

  test('a refused token is still refused (the client can fix it) and counted', async () => {
    const loan = await drawnLoan(t.app, u);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/loans/${loan.id}/repayments`,
      headers: { ...u.auth, 'idempotency-key': randomUUID(), 'x-risk-token': 'a.b.c.d' },
      payload: { kind: 'full' },
    });
    expect(r.statusCode).toBe(403);
    expect(engine.failures[engine.failures.length - 1]).toMatchObject({ ip: '127.0.0.1', code: 'MALFORMED' });
  });
});

describe('with the real engine', () => {
  let real: TestContext;
  beforeAll(async () => {
    real = await startTestApp({ riskKeys });
  });
  afterAll(() => real.close());

  test('money moves piling onto a brand-new account escalate: allow → step-up → hold', async () => {
    const v = await onboard(real.app, real.clock);
    const contractId = await signedContract(real.app, v);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await sealedPost(
        real.app,
        v,
        `/api/contracts/${contractId}/drawdowns`,
        'drawdown',
        { amountFen: 1_000_000, accountId: v.accountId },
        { key: true, stepUp: false },
      );
      codes.push(r.statusCode === 200 ? 'ok' : json(r).code);
    }
    expect(codes[0]).toBe('ok');
    expect(codes).toContain('RISK_STEP_UP');
    expect(codes[codes.length - 1]).toBe('RISK_HELD');
    const staffView = json(
      await real.app.inject({ url: '/api/staff/risk/decisions?action=drawdown&outcome=hold', headers: staff }),
    );
    expect(staffView.items[0].reasons).toContain('ACCOUNT_VELOCITY');
  });

  test('a repayment without a token is accepted', async () => {
    const v = await onboard(real.app, real.clock);
    const loan = await drawnLoan(real.app, v);
    const r = await real.app.inject({
      method: 'POST',
      url: `/api/loans/${loan.id}/repayments`,
      remoteAddress: v.ip,
      headers: { ...v.auth, 'idempotency-key': randomUUID() },
      payload: { kind: 'full' },
    });
    expect(r.statusCode).toBe(200);
    expect(json(r).loan.status).toBe('settled');
  });
});
