import { json, startTestApp, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys });
});
afterAll(() => t.close());

const quote = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/quotes/${path}`, payload });
const loan = {
  amountFen: 10_000_000,
  termMonths: 12,
  method: 'EQUAL_INSTALMENT',
  annualRate: '0.0435',
  startDate: '2026-01-15',
  paidThroughPeriod: 2,
};

// The product's reference numbers (product.md "Money"), through HTTP.
describe('quotes', () => {
  test('equal instalment schedule and APR', async () => {
    const r = await quote('schedule', {
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      annualRate: '0.0435',
      startDate: '2026-01-15',
    });
    expect(r.statusCode).toBe(200);
    const q = json(r);
    expect(q.rows[0]).toMatchObject({
      principalFen: 816_849,
      interestFen: 36_250,
      balanceFen: 9_183_151,
      dueDate: '2026-02-15',
    });
    expect(q.rows[1]).toMatchObject({ principalFen: 819_810, interestFen: 33_289 });
    expect(q.totals.interestFen).toBe(237_190);
    expect(q.aprPercent).toBe('4.35%');
  });

  test('equal principal and interest-first', async () => {
    const ep = json(
      await quote('schedule', {
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_PRINCIPAL',
        annualRate: '0.0435',
        startDate: '2026-01-15',
      }),
    );
    expect(ep.rows[0].paymentFen).toBe(869_583);
    expect(ep.rows[11]).toMatchObject({ principalFen: 833_337, paymentFen: 836_358 });
    expect(ep.totals.interestFen).toBe(235_626);
    const ifirst = json(
      await quote('schedule', {
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'INTEREST_FIRST',
        annualRate: '0.0435',
        startDate: '2026-01-15',
      }),
    );
    expect(ifirst.rows[0].interestFen).toBe(36_250);
  });

  test('fees raise the APR above the contract rate', async () => {
    const q = json(
      await quote('schedule', {
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_INSTALMENT',
        annualRate: '0.0435',
        startDate: '2026-01-15',
        fees: { upfrontFeeFen: 100_000 },
      }),
    );
    expect(Number(q.apr)).toBeGreaterThan(0.0435);
  });

  test('revolving: daily interest on the drawn balance', async () => {
    const r = await quote('schedule', {
      amountFen: 1_000_000,
      termMonths: 3,
      method: 'REVOLVING',
      annualRate: '0.036',
      startDate: '2026-01-15',
      dayCount: 'ACT/360',
    });
    expect(r.statusCode).toBe(200);
    // 31 days of January-February at 3.6% / 360 on 10,000 yuan = 31.00 yuan.
    expect(json(r).rows[0].interestFen).toBe(3_100);
  });

  test('early payoff for a date', async () => {
    const r = await quote('payoff', { loan, date: '2026-03-30' });
    expect(r.statusCode).toBe(200);
    const q = json(r);
    expect(q.principalFen).toBe(8_363_341);
    expect(q.days).toBe(15);
    expect(q.interestFen).toBe(Math.round((8_363_341 * 0.0435 * 15) / 360));
  });

  test('partial prepayment: shorten the term or lower the instalment', async () => {
    const shorten = json(
      await quote('prepayment', { loan, date: '2026-03-30', amountFen: 3_000_000, option: 'SHORTEN_TERM' }),
    );
    const lower = json(
      await quote('prepayment', { loan, date: '2026-03-30', amountFen: 3_000_000, option: 'LOWER_INSTALMENT' }),
    );
    expect(shorten.remainingPeriods).toBeLessThan(10);
    expect(lower.remainingPeriods).toBe(10);
    expect(lower.newInstalmentFen).toBeLessThan(853_099);
    const tooMuch = await quote('prepayment', {
      loan,
      date: '2026-03-30',
      amountFen: 9_000_000,
      option: 'LOWER_INSTALMENT',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(json(tooMuch)).toMatchObject({ code: 'PREPAY_AMOUNT_TOO_LARGE', field: 'amountFen' });
  });

  test('the three deferral options with extra interest', async () => {
    const q = json(await quote('deferral', { loan, months: 3 }));
    expect(q.options.map((o: { option: string }) => o.option)).toEqual(['INTEREST_ONLY', 'RESPREAD', 'FULL_DEFERRAL']);
    for (const o of q.options) expect(o.extraInterestFen).toBeGreaterThan(0);
    const full = q.options[2];
    expect(full.deferredInterestFen).toBe(3 * Math.round((8_363_341 * 0.0435) / 12));
  });

  test('penalty for an overdue instalment', async () => {
    const q = json(
      await quote('penalty', {
        overduePrincipalFen: 816_849,
        annualRate: '0.0435',
        dueDate: '2026-02-15',
        asOf: '2026-02-25',
      }),
    );
    expect(q).toEqual({
      overdueDays: 10,
      penaltyAnnualRate: '0.06525',
      penaltyFen: Math.round((816_849 * 0.06525 * 10) / 360),
    });
  });

  test('impossible dates are a 400, not a crash', async () => {
    const r = await quote('schedule', {
      amountFen: 10_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALMENT',
      annualRate: '0.0435',
      startDate: '2026-02-30',
    });
    expect(r.statusCode).toBe(400);
  });
});
