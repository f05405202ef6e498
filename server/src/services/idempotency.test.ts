import { json, startTestApp, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard, sealedPost, signedContract } from '../../test/flows';
import { newDevice, riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-01T02:00:00Z'));

const count = async (table: 'repayments' | 'loans', col: 'loan_id' | 'contract_id', id: string) =>
  (
    await t.db
      .selectFrom(table)
      .select('id')
      .where(col as never, '=', id as never)
      .execute()
  ).length;

describe('Idempotency-Key', () => {
  test('six concurrent repayments with one key (from six devices) move money once', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u);
    const devices = [
      u,
      ...(await Promise.all([1, 2, 3, 4, 5].map(async () => ({ ...u, device: await newDevice(t.app, t.clock) })))),
    ];
    const key = 'repay-key-0001';
    const body = { kind: 'current' };
    const all = await Promise.all(
      devices.map((who) => sealedPost(t.app, who, `/api/loans/${loan.id}/repayments`, 'repay', body, { key })),
    );
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(all.map((r) => json(r).repayment.id)).size).toBe(1);
    expect(all.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(await count('repayments', 'loan_id', loan.id)).toBe(1);
    const detail = json(await t.app.inject({ url: `/api/loans/${loan.id}`, headers: u.auth }));
    expect(detail.nextDue.period).toBe(2);
  });

  test('a retry with the very same request (and token) returns the first result', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u);
    const body = { kind: 'current' };
    const headers = {
      ...u.auth,
      'x-risk-token': await u.device.seal('repay', { method: 'POST', path: `/api/loans/${loan.id}/repayments`, body }),
      'idempotency-key': 'retry-key-0001',
    };
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/loans/${loan.id}/repayments`,
      headers,
      payload: body,
    });
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/loans/${loan.id}/repayments`,
      headers,
      payload: body,
    });
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await count('repayments', 'loan_id', loan.id)).toBe(1);
  });

  test('the key cannot be reused for a different request', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u);
    await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'current' },
      { key: 'reuse-key-0001' },
    );
    const other = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'full' },
      { key: 'reuse-key-0001' },
    );
    expect(other.statusCode).toBe(422);
    expect(json(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test('money-moving routes demand a key', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u);
    const r = await sealedPost(t.app, u, `/api/loans/${loan.id}/repayments`, 'repay', { kind: 'current' });
    expect(r.statusCode).toBe(428);
    expect(json(r).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  test('two concurrent drawdowns with one key create one loan', async () => {
    const u = await onboard(t.app, t.clock);
    const contractId = await signedContract(t.app, u, { amountFen: 5_000_000 });
    const second = { ...u, device: await newDevice(t.app, t.clock) };
    const body = { amountFen: 5_000_000, accountId: u.accountId };
    const results = await Promise.all(
      [u, second, u, second].map((who, i) =>
        sealedPost(t.app, who, `/api/contracts/${contractId}/drawdowns`, 'drawdown', body, {
          key: 'draw-key-0001',
        }).then((r) => ({ r, i })),
      ),
    );
    const ok = results.filter(({ r }) => r.statusCode === 200).map(({ r }) => json(r).loan.id);
    // Tokens from one device may arrive out of order (SEQ_REWIND); every accepted answer names one loan.
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ok).size).toBe(1);
    expect(await count('loans', 'contract_id', contractId)).toBe(1);
  });

  test('different keys on the same loan are serialised by the loan lock: each pays its own instalment', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u);
    const second = { ...u, device: await newDevice(t.app, t.clock) };
    const [a, b] = await Promise.all([
      sealedPost(t.app, u, `/api/loans/${loan.id}/repayments`, 'repay', { kind: 'current' }, { key: true }),
      sealedPost(t.app, second, `/api/loans/${loan.id}/repayments`, 'repay', { kind: 'current' }, { key: true }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const periods = [json(a).repayment.detail.periods[0], json(b).repayment.detail.periods[0]].sort();
    expect(periods).toEqual([1, 2]);
  });
});
