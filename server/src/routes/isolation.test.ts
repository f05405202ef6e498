import { json, startTestApp, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard, sealedPost, type Onboarded } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
let alice: Onboarded;
let bob: Onboarded;
let aliceLoan: { id: string; contractId: string };
let aliceApplication: string;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
  alice = await onboard(t.app, t.clock);
  bob = await onboard(t.app, t.clock);
  aliceLoan = await drawnLoan(t.app, alice);
  aliceApplication = json(await t.app.inject({ url: '/api/applications', headers: alice.auth })).items[0].id;
});
afterAll(() => t.close());

// Bob is a real, fully onboarded customer; Alice's ids must look to him exactly like ids that do not exist.
describe('users see and touch only their own records', () => {
  test.each([
    ['loan', () => `/api/loans/${aliceLoan.id}`],
    ['loan payoff', () => `/api/loans/${aliceLoan.id}/payoff`],
    ['loan repayments', () => `/api/loans/${aliceLoan.id}/repayments`],
    ['deferral options', () => `/api/loans/${aliceLoan.id}/deferral-options`],
    ['contract', () => `/api/contracts/${aliceLoan.contractId}`],
    ['application', () => `/api/applications/${aliceApplication}`],
    ['enterprise', () => `/api/enterprises/${alice.enterpriseId}`],
  ])('GET %s → 404', async (_name, url) => {
    const r = await t.app.inject({ url: url(), headers: bob.auth });
    expect(r.statusCode).toBe(404);
    expect(json(r).code).toBe('NOT_FOUND');
  });

  test('POSTs on her records → 404 and nothing changes', async () => {
    const repay = await sealedPost(
      t.app,
      bob,
      `/api/loans/${aliceLoan.id}/repayments`,
      'repay',
      { kind: 'current' },
      { key: true },
    );
    expect(repay.statusCode).toBe(404);
    const draw = await sealedPost(
      t.app,
      bob,
      `/api/contracts/${aliceLoan.contractId}/drawdowns`,
      'drawdown',
      { amountFen: 100_000, accountId: bob.accountId },
      { key: true },
    );
    expect(draw.statusCode).toBe(404);
    const defer = await sealedPost(
      t.app,
      bob,
      `/api/loans/${aliceLoan.id}/deferrals`,
      'deferral',
      { option: 'INTEREST_ONLY', months: 3 },
      { key: true },
    );
    expect(defer.statusCode).toBe(404);
    const apply = await sealedPost(t.app, bob, '/api/applications', 'loan.apply', {
      enterpriseId: alice.enterpriseId,
      amountFen: 1_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    });
    expect(apply.statusCode).toBe(404);
    const rows = await t.db.selectFrom('repayments').select('id').where('loan_id', '=', aliceLoan.id).execute();
    expect(rows).toHaveLength(0);
  });

  test("a drawdown to someone else's account is refused", async () => {
    const mine = await drawnLoan(t.app, bob).catch((e) => e);
    expect(mine).toHaveProperty('id');
    const list = json(await t.app.inject({ url: '/api/contracts', headers: bob.auth })).items;
    const r = await sealedPost(
      t.app,
      bob,
      `/api/contracts/${list[0].id}/drawdowns`,
      'drawdown',
      { amountFen: 100_000, accountId: alice.accountId },
      { key: true },
    );
    expect(r.statusCode).toBe(404);
  });

  test('lists contain only my records', async () => {
    const loans = json(await t.app.inject({ url: '/api/loans', headers: bob.auth })).items;
    expect(loans.map((l: { id: string }) => l.id)).not.toContain(aliceLoan.id);
    const notices = json(await t.app.inject({ url: '/api/notices', headers: bob.auth })).items;
    expect(notices.filter((n: { kind: string; body: string }) => n.kind === 'drawdown')).toHaveLength(1);
  });
});
