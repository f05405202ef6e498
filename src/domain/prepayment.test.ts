import fc from 'fast-check';
import { addDays } from './day-count';
import { deferral } from './deferral';
import { loanStateFromTerms } from './loan-state';
import { partialPrepayment, payoffQuote } from './prepayment';
import type { AmortisingMethod } from './schedule';
import { annuity, daysBetween, divHalfUp } from './test-support/exact';

const TERMS = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };
const afterThree = loanStateFromTerms('EQUAL_INSTALMENT', TERMS, 3); // balance 75,405.59, last due 2024-04-15

function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

describe('全部提前还款 payoff quote', () => {
  it('principal + interest on actual days since the last due date, ACT/360, no fee', () => {
    const q = unwrap(payoffQuote(afterThree, '2024-04-25'));
    // 7,540,559 × 4.35% × 10 / 360 = 9,111.51 fen → 9,112
    expect(q).toMatchObject({
      principalFen: 7_540_559,
      interestFen: 9_112,
      totalFen: 7_549_671,
      days: 10,
      accruedFrom: '2024-04-15',
    });
    expect(q.interestFen).toBe(
      Number(divHalfUp(BigInt(7_540_559) * BigInt(435) * BigInt(10), BigInt(10_000) * BigInt(360))),
    );
    expect(q.interestSavedFen).toBe(237_190 - (36_250 + 33_289 + 30_317) - 9_112);
  });

  it('ACT/365 is a parameter and changes the number', () => {
    const q = unwrap(payoffQuote(afterThree, '2024-04-25', 'ACT/365'));
    expect(q.interestFen).toBe(
      Number(divHalfUp(BigInt(7_540_559) * BigInt(435) * BigInt(10), BigInt(10_000) * BigInt(365))),
    );
    expect(q.interestFen).toBe(8_987);
  });

  it('before the first instalment, interest runs from the drawdown date; on a due date it is zero', () => {
    const fresh = loanStateFromTerms('EQUAL_PRINCIPAL', TERMS);
    const q = unwrap(payoffQuote(fresh, '2024-02-14'));
    expect(q.days).toBe(30);
    expect(q.interestFen).toBe(Number(divHalfUp(BigInt(10_000_000) * BigInt(435) * BigInt(30), BigInt(3_600_000))));
    expect(unwrap(payoffQuote(afterThree, '2024-04-15')).interestFen).toBe(0);
  });

  it('refuses dates before the last due date, dates after an unpaid due date, and settled loans', () => {
    expect(payoffQuote(afterThree, '2024-04-14')).toMatchObject({ ok: false, code: 'PREPAY_DATE_BEFORE_LAST_DUE' });
    expect(payoffQuote(afterThree, '2024-05-16')).toMatchObject({ ok: false, code: 'PREPAY_HAS_OVERDUE' });
    expect(payoffQuote({ ...afterThree, paidThroughPeriod: 12 }, '2025-02-01')).toMatchObject({
      ok: false,
      code: 'PREPAY_NOTHING_OUTSTANDING',
    });
    expect(payoffQuote({ ...afterThree, paidThroughPeriod: 13 }, '2025-02-01')).toMatchObject({
      ok: false,
      code: 'PREPAY_BAD_PAID_THROUGH',
    });
  });
});

describe('部分提前还款 partial prepayment', () => {
  const input = { date: '2024-04-25', amountFen: 2_000_000 } as const;

  it('LOWER_INSTALMENT: same dates, instalment recomputed on the new balance, accrual carried into the next row', () => {
    const r = unwrap(partialPrepayment(afterThree, { ...input, option: 'LOWER_INSTALMENT' }));
    const rows = r.schedule.rows.slice(3);
    expect(rows).toHaveLength(9);
    expect(rows.map((x) => x.dueDate)).toEqual(afterThree.rows.slice(3).map((x) => x.dueDate));
    expect(r.newInstalmentFen).toBe(Number(annuity(BigInt(5_540_559), BigInt(435), 9)));
    // first new row: round(5,540,559 × 0.003625 + 2,000,000 × 0.0435 × 10/360), one rounding
    expect(rows[0].interestFen).toBe(
      Number(
        divHalfUp(
          BigInt(5_540_559) * BigInt(435) * BigInt(30) + BigInt(2_000_000) * BigInt(435) * BigInt(10),
          BigInt(3_600_000),
        ),
      ),
    );
    expect(rows[0].interestFen).toBe(22_501);
    expect(r.accruedOnPrepaidFen).toBe(2_417);
    expect(rows[8].balanceFen).toBe(0);
    expect(r.schedule.rows.slice(0, 3)).toEqual(afterThree.rows.slice(0, 3));
    expect(r.interestSavedFen).toBeGreaterThan(0);
  });

  it('SHORTEN_TERM: keeps the 8,530.99 instalment and finishes earlier', () => {
    const r = unwrap(partialPrepayment(afterThree, { ...input, option: 'SHORTEN_TERM' }));
    const rows = r.schedule.rows.slice(3);
    expect(rows.length).toBeLessThan(9);
    expect(rows.length).toBe(r.remainingPeriods);
    expect(rows.slice(1, -1).every((x) => x.paymentFen === 853_099)).toBe(true);
    expect(r.newInstalmentFen).toBe(853_099);
    const lower = unwrap(partialPrepayment(afterThree, { ...input, option: 'LOWER_INSTALMENT' }));
    expect(r.interestSavedFen).toBeGreaterThan(lower.interestSavedFen);
  });

  it('等额本金 SHORTEN_TERM keeps 8,333.33 principal a month', () => {
    const s = loanStateFromTerms('EQUAL_PRINCIPAL', TERMS, 3);
    const r = unwrap(partialPrepayment(s, { ...input, option: 'SHORTEN_TERM' }));
    const rows = r.schedule.rows.slice(3);
    expect(rows.slice(0, -1).every((x) => x.principalFen === 833_333)).toBe(true);
    expect(rows).toHaveLength(7); // (7,500,001 − 2,000,000) / 833,333 → 6.6 → 7 rows
  });

  it('refuses bad requests with specific codes', () => {
    expect(partialPrepayment(afterThree, { ...input, amountFen: 0, option: 'LOWER_INSTALMENT' })).toMatchObject({
      ok: false,
      code: 'PREPAY_AMOUNT_NOT_POSITIVE',
    });
    expect(partialPrepayment(afterThree, { ...input, amountFen: 7_540_559, option: 'LOWER_INSTALMENT' })).toMatchObject(
      { ok: false, code: 'PREPAY_AMOUNT_TOO_LARGE' },
    );
    expect(partialPrepayment(afterThree, { ...input, date: '2024-05-15', option: 'LOWER_INSTALMENT' })).toMatchObject({
      ok: false,
      code: 'PREPAY_HAS_OVERDUE',
    });
    const io = loanStateFromTerms('INTEREST_FIRST', TERMS, 3);
    const bad = partialPrepayment(io, { ...input, option: 'SHORTEN_TERM' });
    expect(bad).toMatchObject({ ok: false, code: 'PREPAY_OPTION_UNSUPPORTED' });
    expect(!bad.ok && bad.message).toMatch(/减少月供/);
  });

  it('property: principal is conserved, balances end at 0, and total interest never increases', () => {
    const methods: AmortisingMethod[] = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.constantFrom('SHORTEN_TERM' as const, 'LOWER_INSTALMENT' as const),
        fc.integer({ min: 1_000, max: 1_000_000 }).map((y) => y * 100), // whole yuan, 1,000 – 1,000,000
        fc.integer({ min: 1, max: 2400 }),
        fc.constantFrom(3, 6, 12, 24, 36),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (method, option, P, bp, n, fk, fd, fa) => {
          if (method === 'INTEREST_FIRST' && option === 'SHORTEN_TERM') return;
          const k = Math.floor(fk * (n - 1)); // paid rows, leaves ≥ 1 unpaid
          const state = loanStateFromTerms(
            method,
            { principalFen: P, annualRate: { bp }, termMonths: n, startDate: '2024-01-31' },
            k,
          );
          const last = k === 0 ? '2024-01-31' : state.rows[k - 1].dueDate;
          const span = daysBetween(last, state.rows[k].dueDate);
          const date = addDays(last, Math.floor(fd * (span - 1)));
          const balance = state.rows.slice(k).reduce((a, r) => a + r.principalFen, 0);
          if (balance <= 10_000) return;
          const amountFen = 10_000 + Math.floor(fa * (balance - 10_001)); // ≥ 100 yuan, < balance
          const r = unwrap(partialPrepayment(state, { date, amountFen, option }));
          expect(r.schedule.totals.principalFen + amountFen).toBe(P);
          expect(r.schedule.rows[r.schedule.rows.length - 1].balanceFen).toBe(0);
          expect(r.schedule.rows.every((x) => x.balanceFen >= 0 && x.principalFen >= 0)).toBe(true);
          expect(r.interestSavedFen).toBeGreaterThanOrEqual(0);
          expect(r.schedule.totals.interestFen).toBeLessThanOrEqual(state.rows.reduce((a, x) => a + x.interestFen, 0));
          expect(r.remainingPeriods).toBeLessThanOrEqual(n - k);
          if (option === 'LOWER_INSTALMENT') expect(r.remainingPeriods).toBe(n - k);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('prepayment after a deferral', () => {
  it('re-amortises from the next period: SHORTEN_TERM keeps the original instalment, not the interest-only payment', () => {
    const d = deferral(afterThree, { kind: 'INTEREST_ONLY', months: 2 }, { maxDeferralMonths: 6 });
    if (!d.ok) throw new Error(d.code);
    const state = { ...afterThree, rows: d.value.schedule.rows, paidThroughPeriod: 3 };
    const r = unwrap(partialPrepayment(state, { date: '2024-04-25', amountFen: 1_000_000, option: 'SHORTEN_TERM' }));
    const rows = r.schedule.rows.slice(3);
    expect(r.newInstalmentFen).toBe(853_099);
    expect(rows.slice(1, -1).every((x) => x.paymentFen === 853_099)).toBe(true);
    expect(r.schedule.totals.principalFen + 1_000_000).toBe(10_000_000);
    expect(r.interestSavedFen).toBeGreaterThan(0);
  });
});
