import { json, startTestApp, type TestContext } from '../../test/helpers';
import { drawnLoan, onboard, sealedPost, signedContract } from '../../test/flows';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys, now: '2026-03-01T02:00:00Z' });
});
afterAll(() => t.close());
// Every test starts on the same business day, whatever the previous one did to the clock.
beforeEach(() => t.clock.set('2026-03-01T02:00:00Z'));

describe('loan lifecycle over HTTP', () => {
  test('apply → sign → drawdown → repay current → early full payoff', async () => {
    const u = await onboard(t.app, t.clock);
    const apply = {
      enterpriseId: u.enterpriseId,
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      purpose: 'WORKING_CAPITAL',
    };
    const a = await sealedPost(t.app, u, '/api/applications', 'loan.apply', apply);
    expect(a.statusCode).toBe(200);
    expect(json(a)).toMatchObject({
      status: 'approved',
      offer: { limitFen: 10_000_000, annualRate: '0.0435', aprPercent: '4.35%', feesFen: 0 },
    });

    const contractId = await signedContract(t.app, u);
    const contract = await t.app.inject({ url: `/api/contracts/${contractId}`, headers: u.auth });
    expect(json(contract).status).toBe('signed');

    const d = await sealedPost(
      t.app,
      u,
      `/api/contracts/${contractId}/drawdowns`,
      'drawdown',
      { amountFen: 10_000_000, accountId: u.accountId },
      { key: true },
    );
    expect(d.statusCode).toBe(200);
    const loan = json(d).loan;
    // product.md reference numbers: 100,000 yuan, 12 months, 4.35%, equal instalment.
    expect(loan.schedule[0]).toMatchObject({
      principalFen: 816_849,
      interestFen: 36_250,
      paymentFen: 853_099,
      balanceFen: 9_183_151,
    });
    expect(loan.schedule[11]).toMatchObject({
      paymentFen: 853_101,
      principalFen: 850_020,
      interestFen: 3_081,
      balanceFen: 0,
    });
    expect(loan.totals.interestFen).toBe(237_190);
    expect(loan.startDate).toBe('2026-03-01');
    expect(loan.nextDue).toEqual({ period: 1, dueDate: '2026-04-01', amountFen: 853_099 });

    // Paid on its due date, the first instalment is exactly the scheduled row (paying before the due
    // date charges interest only to the payment day: servicing-money.test.ts).
    t.clock.set('2026-04-01T02:00:00Z');
    const r1 = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'current', expectedAmountFen: 853_099 },
      { key: true },
    );
    expect(r1.statusCode).toBe(200);
    expect(json(r1).repayment).toMatchObject({
      kind: 'current',
      amountFen: 853_099,
      principalFen: 816_849,
      interestFen: 36_250,
      penaltyFen: 0,
    });
    expect(json(r1).loan.nextDue.period).toBe(2);

    // 15 days after the first due date: payoff = outstanding principal + interest for 15 days (ACT/360).
    t.clock.set('2026-04-16T02:00:00Z');
    const quote = await t.app.inject({ url: `/api/loans/${loan.id}/payoff?date=2026-04-16`, headers: u.auth });
    expect(quote.statusCode).toBe(200);
    const expectedInterest = Math.round((9_183_151 * 0.0435 * 15) / 360);
    expect(json(quote)).toMatchObject({ principalFen: 9_183_151, interestFen: expectedInterest, days: 15 });

    const full = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'full' },
      { key: true },
    );
    expect(full.statusCode).toBe(200);
    expect(json(full).repayment.amountFen).toBe(9_183_151 + expectedInterest);
    expect(json(full).loan.status).toBe('settled');
    expect(json(full).loan.outstandingPrincipalFen).toBe(0);

    const again = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'current' },
      { key: true },
    );
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('LOAN_NOT_ACTIVE');
  });

  test('overdue instalments are repaid with penalty at 1.5× the contract rate', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 1_200_000, { termMonths: 12 });
    t.clock.set('2026-04-11T02:00:00Z'); // 10 days after the first due date
    const detail = json(await t.app.inject({ url: `/api/loans/${loan.id}`, headers: u.auth }));
    expect(detail.status).toBe('overdue');
    const row = detail.schedule[0];
    const penalty = Math.round((row.principalFen * 0.0435 * 1.5 * 10) / 360);
    // 复利 on the unpaid interest at the same rate (银发〔2003〕251号): 4,350 × 0.06525 × 10 / 360 = 7.88 → 8.
    const compound = 8;
    expect(detail.overdue).toMatchObject({
      periods: 1,
      penaltyFen: penalty,
      compoundFen: compound,
      totalFen: row.paymentFen + penalty + compound,
    });
    const notCurrent = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'current' },
      { key: true },
    );
    expect(json(notCurrent).code).toBe('HAS_OVERDUE');
    const r = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'overdue' },
      { key: true },
    );
    expect(r.statusCode).toBe(200);
    expect(json(r).repayment).toMatchObject({
      penaltyFen: penalty + compound,
      amountFen: row.paymentFen + penalty + compound,
    });
    expect(json(r).loan.status).toBe('active');
    const notices = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    expect(notices.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['decision', 'drawdown', 'policy', 'anti_fraud']),
    );
  });

  test('partial prepayment lowers the instalment and keeps the term', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000);
    t.clock.set('2026-03-11T02:00:00Z');
    const r = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'partial', amountFen: 2_000_000, option: 'LOWER_INSTALMENT' },
      { key: true },
    );
    expect(r.statusCode).toBe(200);
    const after = json(r).loan;
    expect(after.outstandingPrincipalFen).toBe(8_000_000);
    expect(after.schedule).toHaveLength(12);
    expect(after.schedule[1].paymentFen).toBeLessThan(loan.schedule[1].paymentFen);
    expect(after.schedule[11].balanceFen).toBe(0);
  });

  test('a deferral is applied to the schedule with its extra interest', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000);
    const opts = json(await t.app.inject({ url: `/api/loans/${loan.id}/deferral-options?months=3`, headers: u.auth }));
    expect(opts.options.map((o: { option: string }) => o.option)).toEqual([
      'INTEREST_ONLY',
      'RESPREAD',
      'FULL_DEFERRAL',
    ]);
    const io = opts.options[0];
    expect(io.available).toBe(true);
    expect(io.extraInterestFen).toBeGreaterThan(0);
    const cap = await t.app.inject({ url: `/api/loans/${loan.id}/deferral-options?months=7`, headers: u.auth });
    expect(json(cap).options[0]).toMatchObject({ available: false, code: 'DEFERRAL_EXCEEDS_POLICY_CAP' });
    const r = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/deferrals`,
      'deferral',
      { option: 'INTEREST_ONLY', months: 3 },
      { key: true },
    );
    expect(r.statusCode).toBe(200);
    const after = json(r).loan;
    expect(after.schedule).toHaveLength(15);
    expect(after.schedule.slice(0, 3).every((x: { principalFen: number }) => x.principalFen === 0)).toBe(true);
    expect(after.maturityDate).toBe('2027-06-01');
    expect(json(r).deferral).toMatchObject({
      option: 'INTEREST_ONLY',
      months: 3,
      extraInterestFen: io.extraInterestFen,
      status: 'applied',
    });
    expect(after.totals.interestFen - loan.totals.interestFen).toBe(io.extraInterestFen);
    const twice = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/deferrals`,
      'deferral',
      { option: 'FULL_DEFERRAL', months: 2 },
      { key: true },
    );
    expect(json(twice).code).toBe('DEFERRAL_ALREADY_USED');
  });

  test('a full deferral pauses payments without ever showing overdue (正常计息、免收罚息)', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 10_000_000);
    const r = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/deferrals`,
      'deferral',
      { option: 'FULL_DEFERRAL', months: 2 },
      { key: true },
    );
    expect(r.statusCode).toBe(200);
    const during = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'current' },
      { key: true },
    );
    expect(json(during).code).toBe('NOTHING_DUE');
    t.clock.set('2026-05-15T02:00:00Z'); // both paused due dates (04-01, 05-01) have passed
    const detail = json(await t.app.inject({ url: `/api/loans/${loan.id}`, headers: u.auth }));
    expect(detail.status).toBe('active');
    expect(detail.overdue.periods).toBe(0);
    expect(detail.schedule.slice(0, 2).map((x: { status: string }) => x.status)).toEqual(['paid', 'paid']);
    // The deferred interest (2 × 36,250 = 72,500) is spread over the 12 instalments after the
    // deferral: 72,500 / 12 = 6,041 each (floor), the last one takes the remainder.
    expect(json(r).deferral.deferredInterestFen).toBe(72_500);
    expect(detail.nextDue).toMatchObject({ period: 3, dueDate: '2026-06-01', amountFen: 853_099 + 6_041 });
    t.clock.set('2026-06-01T02:00:00Z'); // on its due date the instalment is the scheduled amount
    const pay = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/repayments`,
      'repay',
      { kind: 'current' },
      { key: true },
    );
    expect(json(pay).repayment.amountFen).toBe(detail.nextDue.amountFen);
  });

  test('renewal rolls the maturity principal into a new loan', async () => {
    const u = await onboard(t.app, t.clock);
    const loan = await drawnLoan(t.app, u, 3_000_000, { termMonths: 3, method: 'INTEREST_FIRST' });
    const early = await sealedPost(
      t.app,
      u,
      `/api/loans/${loan.id}/renewals`,
      'renewal',
      { termMonths: 6 },
      { key: true },
    );
    expect(json(early).code).toBe('RENEWAL_NOT_YET');
    for (const day of ['2026-04-01', '2026-05-01']) {
      t.clock.set(`${day}T02:00:00Z`);
      const r = await sealedPost(
        t.app,
        u,
        `/api/loans/${loan.id}/repayments`,
        'repay',
        { kind: 'current' },
        { key: true },
      );
      expect(r.statusCode).toBe(200);
    }
    t.clock.set('2026-05-20T02:00:00Z');
    const r = await sealedPost(t.app, u, `/api/loans/${loan.id}/renewals`, 'renewal', { termMonths: 6 }, { key: true });
    expect(r.statusCode).toBe(200);
    const body = json(r);
    expect(body.renewal.status).toBe('approved');
    expect(body.newLoan).toMatchObject({
      principalFen: 3_000_000,
      startDate: '2026-06-01',
      renewedFrom: loan.id,
      termMonths: 6,
    });
    expect(body.loan.outstandingPrincipalFen).toBe(0);
    expect(body.loan.nextDue.amountFen).toBe(loan.schedule[2].interestFen);
    // The notice writes the amount as the app does, with thousands separators (issue 9 point 20).
    const notices = json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items;
    const renewed = notices.find((n: { title: string }) => n.title === '续贷已生效');
    expect(renewed.body).toContain('到期本金 30,000元已无还本续贷 6 个月');
  });
});
