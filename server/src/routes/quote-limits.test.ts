import { json, startTestApp, type TestContext } from '../../test/helpers';
import { riskKeys } from '../../test/risk-device';

// Issue #9 (quotes API): the public quotes enforce the product's limits and say so in Chinese —
// the field, the allowed range, what to do — never a schema keyword or an English field key.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ riskKeys, now: '2026-03-01T02:00:00Z' });
});
afterAll(() => t.close());

const quote = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/quotes/${path}`, payload });
const plan = { amountFen: 10_000_000, termMonths: 12, method: 'EQUAL_INSTALMENT', annualRate: '0.0435' };
const loan = { ...plan, startDate: '2026-01-15', paidThroughPeriod: 0 };

/** A refusal a person can act on: Chinese, no field key or schema word, a number or date range. */
function expectHumanRefusal(body: { message: string }) {
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(body.message).not.toMatch(/[A-Za-z]{4,}/);
  expect(body.message).toMatch(/请/);
}

describe('quotes: product limits', () => {
  test.each([
    // [label, body change, field, code, words the message must contain]
    [
      '1 billion yuan',
      { amountFen: 100_000_000_000 },
      'amountFen',
      'LOAN_AMOUNT_TOO_HIGH',
      ['借款金额', '3,000,000元'],
    ],
    [
      'an absurd amount',
      { amountFen: 9_007_199_254_740_991 },
      'amountFen',
      'LOAN_AMOUNT_TOO_HIGH',
      ['1,000元至3,000,000元'],
    ],
    ['below the minimum', { amountFen: 50_000 }, 'amountFen', 'LOAN_AMOUNT_TOO_LOW', ['1,000元']],
    ['not whole hundreds', { amountFen: 10_000_050 }, 'amountFen', 'LOAN_AMOUNT_STEP', ['100元的整数倍']],
    ['a 1-month term', { termMonths: 1 }, 'termMonths', 'LOAN_TERM_INVALID', ['借款期限', '3/6/12/24/36']],
    ['a 60-month term', { termMonths: 60 }, 'termMonths', 'LOAN_TERM_INVALID', ['3/6/12/24/36']],
    ['a 30 % rate', { annualRate: '0.30' }, 'annualRate', 'RATE_OUT_OF_RANGE', ['年利率', '24%']],
    ['a zero rate', { annualRate: '0' }, 'annualRate', 'RATE_BAD_FORMAT', ['年利率']],
    ['a rate as percent', { annualRate: '4.35' }, 'annualRate', 'RATE_BAD_FORMAT', ['0.0435']],
    [
      'a start date in 2099',
      { startDate: '2099-01-01' },
      'startDate',
      'QUOTE_START_OUT_OF_RANGE',
      ['起息日', '2026-05-30'],
    ],
    ['an impossible start date', { startDate: '2026-02-30' }, 'startDate', 'DATE_INVALID', ['起息日', '年-月-日']],
  ])('schedule: %s', async (_label, change, field, code, words) => {
    const r = await quote('schedule', { ...plan, ...change });
    expect(r.statusCode).toBe(400);
    const body = json(r);
    expect(body).toMatchObject({ code, field });
    for (const w of words) expect(body.message).toContain(w);
    expectHumanRefusal(body);
  });

  test('a product loan is still quoted (the limits are not stricter than the product)', async () => {
    for (const termMonths of [3, 6, 12, 24, 36]) {
      const r = await quote('schedule', { ...plan, termMonths, amountFen: 300_000_000, annualRate: '0.24' });
      expect(r.statusCode).toBe(200);
    }
    expect((await quote('schedule', { ...plan, amountFen: 100_000 })).statusCode).toBe(200);
  });

  test('a payoff date far in the future names the allowed dates instead of claiming overdue payments', async () => {
    const r = await quote('payoff', { loan, date: '2036-01-01' });
    expect(r.statusCode).toBe(400);
    const body = json(r);
    expect(body).toMatchObject({ code: 'QUOTE_DATE_OUT_OF_RANGE', field: 'date' });
    // Allowed: from the value date 2026-01-15 to the next due date 2026-02-15 (inclusive for a payoff).
    expect(body.message).toContain('结清日期须在 2026-01-15 至 2026-02-15 之间');
    expect(body.message).not.toContain('逾期');
    expectHumanRefusal(body);
    // Partial prepayment: the day before the next due date at the latest.
    const p = json(
      await quote('prepayment', { loan, date: '2026-02-15', amountFen: 1_000_000, option: 'SHORTEN_TERM' }),
    );
    expect(p.message).toContain('提前还款日期须在 2026-01-15 至 2026-02-14 之间');
  });

  test('an existing loan: principal, term and paid periods are checked with the range', async () => {
    const big = json(await quote('payoff', { loan: { ...loan, amountFen: 100_000_000_000 }, date: '2026-02-01' }));
    expect(big).toMatchObject({ code: 'QUOTE_PRINCIPAL_OUT_OF_RANGE', field: 'loan.amountFen' });
    expect(big.message).toContain('3,000,000元');
    const term = json(await quote('payoff', { loan: { ...loan, termMonths: 1 }, date: '2026-02-01' }));
    expect(term).toMatchObject({ code: 'LOAN_TERM_INVALID', field: 'loan.termMonths' });
    const paid = json(await quote('payoff', { loan: { ...loan, paidThroughPeriod: 12 }, date: '2026-02-01' }));
    expect(paid.message).toContain('0 至 11');
    const months = json(await quote('deferral', { loan, months: 12 }));
    expect(months).toMatchObject({ code: 'DEFERRAL_MONTHS_OUT_OF_RANGE', field: 'months' });
    expect(months.message).toContain('1 至 6 个月');
  });

  test('odd values are a 4xx with a code and a message, never a 5xx', async () => {
    const odd = [-1, 0, 1e308, -1e308, 2 ** 53, 0.5, '12', null, '', '9999-99-99', '2026-13-01', 'x'.repeat(32)];
    const bodies: Array<[string, object]> = [];
    for (const v of odd) {
      for (const k of ['amountFen', 'termMonths', 'annualRate', 'startDate'])
        bodies.push(['schedule', { ...plan, [k]: v }]);
      for (const k of ['amountFen', 'termMonths', 'annualRate', 'startDate', 'paidThroughPeriod'])
        bodies.push(['payoff', { loan: { ...loan, [k]: v }, date: '2026-02-01' }]);
      bodies.push(['payoff', { loan, date: v }]);
      bodies.push(['deferral', { loan, months: v }]);
      bodies.push([
        'penalty',
        { overduePrincipalFen: v, annualRate: '0.0435', dueDate: '2026-02-15', asOf: '2026-02-25' },
      ]);
      bodies.push(['penalty', { overduePrincipalFen: 1_000, annualRate: '0.0435', dueDate: v, asOf: '2026-02-25' }]);
    }
    for (const [path, body] of bodies) {
      const r = await quote(path, body);
      expect([200, 400, 422]).toContain(r.statusCode);
      if (r.statusCode !== 200)
        expect(json(r)).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    }
  });
});
