import { instalmentPayment, partialPrepayment, payoffQuote } from './prepayment';
import { loanStateFromTerms, type LoanState } from './loan-state';
import type { ScheduleRow } from './schedule/types';

// The reference loan of product.md: 100,000.00 yuan, 12 months, 4.35 %, 等额本息, drawn 2024-01-15.
// Row 1 due 2024-02-15: principal 816,849, interest 36,250; row 2 due 2024-03-15: 819,810 / 33,289;
// row 3: interest 30,317; row 12 due 2025-01-15: 850,020 / 3,081. Day-based interest is ACT/360.
const terms = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };
const fresh = (paid = 0) => loanStateFromTerms('EQUAL_INSTALMENT', terms, paid);

/** The state after a successful instalment payment on `date`: one more row paid, accrual from `date`. */
function after(state: LoanState, date: string): LoanState {
  const r = instalmentPayment(state, date);
  if (!r.ok) throw new Error(r.message);
  return { ...state, rows: r.value.schedule.rows, paidThroughPeriod: state.paidThroughPeriod + 1, accrualStart: date };
}
const row = (s: LoanState, period: number): ScheduleRow => s.rows[period - 1];

describe('归还本期 (instalmentPayment): interest accrues to the payment date', () => {
  it.each([
    // [label, paid rows before, payment date, principal, interest now, carried into next row, saved]
    // Day 0 (drawdown day): accrued 10,000,000 × 0.0435 × 0 / 360 = 0.
    // Saved: row principal 816,849 stops bearing interest 31 days early (01-15 → 02-15):
    //   816,849 × 0.0435 × 31 / 360 = 3,059.78 → 3,060. Left of the row's 36,250: 33,190, all carried.
    ['drawdown day', 0, '2024-01-15', 816_849, 0, 33_190, 3_060],
    // Day 10: accrued 10,000,000 × 0.0435 × 10 / 360 = 12,083.33 → 12,083;
    //   saved 816,849 × 0.0435 × 21 / 360 = 2,072.75 → 2,073; carried 36,250 − 2,073 − 12,083 = 22,094.
    ['10 days after drawdown', 0, '2024-01-25', 816_849, 12_083, 22_094, 2_073],
    // On the due date it is the scheduled row: 816,849 + 36,250 = 853,099, nothing carried or saved.
    ['on the due date', 0, '2024-02-15', 816_849, 36_250, 0, 0],
    // Last row (11 paid, accrual from 2024-12-15), paid 10 days in. Saved: 850,020 × 0.0435 × 21 / 360
    //   = 2,157.00 → 2,157, so at most 3,081 − 2,157 = 924 is owed; accrued 850,020 × 0.0435 × 10 / 360
    //   = 1,027.11 is more (the row's 30/360 month is a 31-day month), so 924 is charged: never more
    //   than the due-date amount less the days saved. Nothing to carry into.
    ['last row, 10 days in', 11, '2024-12-25', 850_020, 924, 0, 2_157],
  ])('%s', (_label, paid, date, principal, interest, carried, saved) => {
    const state = fresh(paid);
    const r = instalmentPayment(state, date);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      principalFen: principal,
      interestFen: interest,
      totalFen: principal + interest,
      carriedInterestFen: carried,
      interestSavedFen: saved,
      early: date !== row(state, paid + 1).dueDate,
    });
    // Never more interest than paying on the due date; the difference is exactly what is saved.
    expect(interest + carried + saved).toBe(row(state, paid + 1).interestFen);
    const rows = r.value.schedule.rows;
    expect(rows[paid]).toMatchObject({ principalFen: principal, interestFen: interest });
    if (paid + 1 < rows.length) expect(rows[paid + 1].interestFen).toBe(row(state, paid + 2).interestFen + carried);
  });

  it('does not lock prepayment after an early instalment: payoff and partial work the same day and later', () => {
    const s1 = after(fresh(), '2024-01-15');
    // Payoff the same day: 9,183,151 + 0 days of interest.
    const same = payoffQuote(s1, '2024-01-15');
    expect(same).toMatchObject({ ok: true, value: { principalFen: 9_183_151, interestFen: 0, days: 0 } });
    // Ten days later: 9,183,151 × 0.0435 × 10 / 360 = 11,096.31 → 11,096, accrued from the payment day.
    expect(payoffQuote(s1, '2024-01-25')).toMatchObject({
      ok: true,
      value: { interestFen: 11_096, totalFen: 9_183_151 + 11_096, days: 10, accruedFrom: '2024-01-15' },
    });
    // Partial 20,000 yuan on 01-25, lower instalment: the prepaid amount's 10 days
    // 2,000,000 × 0.0435 × 10 / 360 = 2,416.67, plus the rest of period 1 carried by the early
    // instalment (33,190 on 9,183,151) on the remaining 7,183,151: 33,190 × 7,183,151 / 9,183,151 =
    // 25,961.54, plus its month 7,183,151 × 0.003625 = 26,038.92: 54,417.13 → 54,417 in the first new
    // row (one rounding).
    const p = partialPrepayment(s1, { date: '2024-01-25', amountFen: 2_000_000, option: 'LOWER_INSTALMENT' });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.accruedOnPrepaidFen).toBe(2_417);
    expect(p.value.schedule.rows[1]).toMatchObject({
      period: 2,
      interestFen: 54_417,
      carriedAccruedFen: 2_417,
      carriedInterestFen: 25_962,
    });
    // Before the accrual start it is still refused, with a message that says what to do.
    expect(payoffQuote(s1, '2024-01-14')).toMatchObject({ ok: false, code: 'PREPAY_DATE_BEFORE_LAST_DUE' });
  });

  it('offers the next instalment without another month of interest', () => {
    const s1 = after(fresh(), '2024-01-15');
    // Row 2 now carries 33,289 + 33,190 = 66,479. Paid the same day: accrued 0;
    // saved 819,810 × 0.0435 × 60 / 360 (01-15 → 03-15) = 5,943.62 → 5,944; carried 66,479 − 5,944 = 60,535.
    const r = instalmentPayment(s1, '2024-01-15');
    expect(r).toMatchObject({
      ok: true,
      value: { period: 2, principalFen: 819_810, interestFen: 0, carriedInterestFen: 60_535, interestSavedFen: 5_944 },
    });
    if (!r.ok) return;
    expect(r.value.schedule.rows[2]).toMatchObject({ interestFen: 30_317 + 60_535, carriedInterestFen: 60_535 });
    // Row 2's own carry was re-priced with its month, so the paid row no longer marks it.
    expect(r.value.schedule.rows[1].carriedInterestFen).toBeUndefined();
  });

  it('refuses a date before the accrual start or after the due date', () => {
    expect(instalmentPayment(fresh(), '2024-01-14')).toMatchObject({ ok: false, code: 'PREPAY_DATE_BEFORE_LAST_DUE' });
    expect(instalmentPayment(fresh(), '2024-02-16')).toMatchObject({ ok: false, code: 'PREPAY_HAS_OVERDUE' });
    expect(instalmentPayment(fresh(12), '2025-01-15')).toMatchObject({ ok: false, code: 'PREPAY_NOTHING_OUTSTANDING' });
  });

  it('ignores an accrual start later than the last due date (a row paid late is charged as penalty)', () => {
    const late = { ...fresh(1), accrualStart: '2024-02-20' };
    // Accrual still runs from the due date 2024-02-15: 9,183,151 × 0.0435 × 10 / 360 = 11,096.31 → 11,096.
    expect(payoffQuote(late, '2024-02-25')).toMatchObject({ ok: true, value: { interestFen: 11_096, days: 10 } });
  });
});
