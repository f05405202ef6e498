import fc from 'fast-check';
import { addDays } from './day-count';
import { deferral } from './deferral';
import { loanStateFromTerms, type LoanState } from './loan-state';
import { instalmentPayment, partialPrepayment, payoffQuote } from './prepayment';
import type { AmortisingMethod, ScheduleRow } from './schedule';
import { daysBetween, divHalfUp } from './test-support/exact';

// Interest that is a debt already — deferred interest of a 延期还本付息 and interest accrued on
// prepaid principal — must be collected exactly once, whatever the customer does next.
//
// Reference loan (product.md): 100,000.00 yuan, 12 months, 4.35 %, 等额本息, drawn 2024-01-15.
// After 3 instalments the balance is 75,405.59 (7,540,559 fen), last due date 2024-04-15.
// Day-based interest ACT/360, one half-up rounding per amount.
const TERMS = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };
const afterThree = loanStateFromTerms('EQUAL_INSTALMENT', TERMS, 3);
const POLICY = { maxDeferralMonths: 6 };

function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}
const sum = (rows: readonly ScheduleRow[], f: (r: ScheduleRow) => number | undefined) =>
  rows.reduce((a, r) => a + (f(r) ?? 0), 0);
/** Interest on `fen` for `days` at 4.35 % ACT/360, half-up — independent BigInt arithmetic. */
const act360 = (fen: number, days: number) => Number(divHalfUp(BigInt(fen * 435 * days), BigInt(3_600_000)));

/** The loan after a 3-month 延期还本付息 with SPREAD (the bank's option), from period 4. */
function deferred(): ScheduleRow[] {
  return unwrap(deferral(afterThree, { kind: 'FULL_DEFERRAL', months: 3, deferredInterest: 'SPREAD' }, POLICY)).schedule
    .rows;
}
const stateOf = (rows: readonly ScheduleRow[], paidThroughPeriod: number): LoanState => ({
  ...afterThree,
  rows,
  paidThroughPeriod,
});

// 延期还本付息 reference numbers (worked by hand):
//   one paused month on 7,540,559: 7,540,559 × 0.0435 / 12 = 27,334.53 → 27,335 fen;
//   three months deferred: D = 3 × 27,335 = 82,005 fen;
//   paused rows 4–6 due 2024-05-15, 06-15, 07-15; rows 7–15 (the old 4–12) from 2024-08-15 carry
//   ⌊82,005 / 9⌋ = 9,111 each and the last 82,005 − 8 × 9,111 = 9,117.
describe('bug 1: deferred interest is owed on payoff and kept by a partial prepayment', () => {
  it('the shares are marked on the rows after the pause', () => {
    const rows = deferred();
    expect(rows.slice(6).map((r) => r.deferredInterestFen)).toEqual([...Array(8).fill(9_111), 9_117]);
    expect(sum(rows, (r) => r.deferredInterestFen)).toBe(82_005);
  });

  it('payoff after the pause: principal + 10 days + all 82,005 of deferred interest', () => {
    // Paused rows 4–6 settle by themselves on their due dates (the bank marks them paid), so the
    // accrual starts on 2024-07-15. Payoff 2024-07-25, 10 days on 7,540,559:
    // 7,540,559 × 0.0435 × 10 / 360 = 9,111.51 → 9,112; + 82,005 deferred = 91,117.
    const q = unwrap(payoffQuote(stateOf(deferred(), 6), '2024-07-25'));
    expect(q).toMatchObject({
      principalFen: 7_540_559,
      accruedFen: 9_112,
      deferredInterestFen: 82_005,
      carriedAccruedFen: 0,
      interestFen: 91_117,
      totalFen: 7_631_676,
      accruedFrom: '2024-07-15',
    });
    expect(q.accruedFen).toBe(act360(7_540_559, 10));
  });

  it('payoff during the pause owes only the paused months already run', () => {
    // One paused month run (row 4 settled 2024-05-15), payoff 2024-05-25: 9,112 + 27,335 = 36,447.
    expect(unwrap(payoffQuote(stateOf(deferred(), 4), '2024-05-25'))).toMatchObject({
      accruedFen: 9_112,
      deferredInterestFen: 27_335,
      interestFen: 36_447,
    });
    // Before the first paused due date nothing deferred has run: the days on the principal only.
    expect(unwrap(payoffQuote(stateOf(deferred(), 3), '2024-04-25'))).toMatchObject({
      interestFen: 9_112,
      deferredInterestFen: 0,
    });
  });

  it('payoff after two instalments with their shares: 82,005 − 2 × 9,111 = 63,783 still owed', () => {
    // On row 8's due date (2024-09-15): 0 days accrued, only the deferred interest left.
    const q = unwrap(payoffQuote(stateOf(deferred(), 8), '2024-09-15'));
    expect(q).toMatchObject({ accruedFen: 0, deferredInterestFen: 63_783, interestFen: 63_783 });
  });

  it('a partial prepayment after the pause spreads the deferred interest over the new rows', () => {
    // 20,000.00 prepaid 2024-07-25 (10 days after 2024-07-15), lower instalment, 9 rows left.
    // Row 7: round(5,540,559 × 0.003625 + 2,000,000 × 0.0435 × 10 / 360)
    //      = round(20,084.53 + 2,416.67) = 22,501, + share 9,111 = 31,612.
    const r = unwrap(
      partialPrepayment(stateOf(deferred(), 6), {
        date: '2024-07-25',
        amountFen: 2_000_000,
        option: 'LOWER_INSTALMENT',
      }),
    );
    const rows = r.schedule.rows.slice(6);
    expect(r.deferredInterestFen).toBe(82_005);
    expect(rows[0].interestFen).toBe(22_501 + 9_111);
    expect(rows.map((x) => x.deferredInterestFen)).toEqual([...Array(8).fill(9_111), 9_117]);
    expect(rows[0].paymentFen).toBe(rows[0].principalFen + rows[0].interestFen);

    // …and a payoff 2024-08-05 still owes all of it, plus the interest carried on the prepaid amount:
    // 5,540,559 × 0.0435 × 21 / 360 = 14,059.17 → 14,059; + 2,417 + 82,005 = 98,481.
    const q = unwrap(payoffQuote(stateOf(r.schedule.rows, 6), '2024-08-05'));
    expect(q).toMatchObject({ accruedFen: 14_059, carriedAccruedFen: 2_417, deferredInterestFen: 82_005 });
    expect(q.interestFen).toBe(98_481);
  });

  it('SHORTEN_TERM keeps the monthly share and puts what is left on the last row', () => {
    const r = unwrap(
      partialPrepayment(stateOf(deferred(), 6), { date: '2024-07-25', amountFen: 2_000_000, option: 'SHORTEN_TERM' }),
    );
    const rows = r.schedule.rows.slice(6);
    // 7 rows: 9,111 on each of the first 6 as before, the last 82,005 − 6 × 9,111 = 27,339.
    expect(rows).toHaveLength(7);
    expect(sum(rows, (x) => x.deferredInterestFen)).toBe(82_005);
    expect(rows.map((x) => x.deferredInterestFen)).toEqual([...Array(6).fill(9_111), 27_339]);
  });

  it('property: SHORTEN_TERM never raises the monthly payment (principal + interest + share) before the last row', () => {
    const before = 853_099 + 9_111;
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 7_000_000 }), fc.integer({ min: 0, max: 30 }), (amountFen, day) => {
        const r = unwrap(
          partialPrepayment(stateOf(deferred(), 6), {
            date: addDays('2024-07-15', day),
            amountFen,
            option: 'SHORTEN_TERM',
          }),
        );
        // A single row left is the whole rest: principal, its month and the deferred interest.
        if (r.remainingPeriods >= 2) expect(r.newInstalmentFen).toBeLessThanOrEqual(before);
        expect(sum(r.schedule.rows.slice(6), (x) => x.deferredInterestFen)).toBe(82_005);
      }),
      { numRuns: 200 },
    );
  });

  it('the new instalment shown is what the customer pays each month: principal + interest + share', () => {
    // 20,000.00 prepaid 2024-07-25 after the pause, 7,540,559 − 2,000,000 = 5,540,559 left.
    // LOWER_INSTALMENT, 9 rows: 5,540,559 × r(1+r)^9 / ((1+r)^9 − 1), r = 0.0435 / 12 = 0.003625,
    //   = 626,829.57 → 626,830 a month of principal + interest, + the share ⌊82,005 / 9⌋ = 9,111
    //   → 635,941 (before the fix the screen said 626,830, 91.11 yuan less than the rows ask).
    const prepay = (option: 'LOWER_INSTALMENT' | 'SHORTEN_TERM') =>
      unwrap(partialPrepayment(stateOf(deferred(), 6), { date: '2024-07-25', amountFen: 2_000_000, option }));
    const lower = prepay('LOWER_INSTALMENT');
    expect(lower.newInstalmentFen).toBe(626_830 + 9_111);
    expect(lower.schedule.rows.slice(7, -1).every((x) => x.paymentFen === lower.newInstalmentFen)).toBe(true);
    // SHORTEN_TERM keeps what was paid each month: 853,099 of principal + interest + the share 9,111
    // = 862,210 (re-spreading ⌊82,005 / 7⌋ = 11,715 over the 7 rows left raised it to 864,814).
    const shorter = prepay('SHORTEN_TERM');
    expect(shorter.remainingPeriods).toBe(7);
    expect(shorter.newInstalmentFen).toBe(853_099 + 9_111);
    expect(shorter.schedule.rows.slice(7, -1).every((x) => x.paymentFen === shorter.newInstalmentFen)).toBe(true);
  });

  it('an early instalment pays its share now (and never pushes it to the next row)', () => {
    // Row 7 (due 2024-08-15) paid 2024-08-05: its 9,111 share is owed already.
    const s = stateOf(deferred(), 6);
    const p = unwrap(instalmentPayment(s, '2024-08-05'));
    const next = p.schedule.rows[7];
    expect(p.interestFen).toBe(9_111 + act360(7_540_559, 21));
    expect(next.deferredInterestFen).toBe(9_111);
    // What the deferral added is collected exactly once over the loan's life.
    const after = unwrap(payoffQuote({ ...stateOf(p.schedule.rows, 7), accrualStart: '2024-08-05' }, '2024-08-05'));
    expect(after.deferredInterestFen).toBe(82_005 - 9_111);
  });
});

// Partial prepayment reference numbers (worked by hand): 20,000.00 prepaid 2024-04-25, 10 days after
// the last due date: interest on the prepaid amount 2,000,000 × 0.0435 × 10 / 360 = 2,416.67 → 2,417,
// carried into row 4. The balance is then 5,540,559.
describe('bug 2: interest on the prepaid amount is owed exactly once', () => {
  const partial = () =>
    unwrap(partialPrepayment(afterThree, { date: '2024-04-25', amountFen: 2_000_000, option: 'LOWER_INSTALMENT' }));

  it('a payoff later in the same period collects it', () => {
    const r = partial();
    expect(r.schedule.rows[3].carriedAccruedFen).toBe(2_417);
    // Payoff 2024-05-05, 20 days on 5,540,559: 5,540,559 × 0.0435 × 20 / 360 = 13,389.68 → 13,390;
    // + 2,417 carried = 15,807; total 5,540,559 + 15,807 = 5,556,366.
    const q = unwrap(payoffQuote(stateOf(r.schedule.rows, 3), '2024-05-05'));
    expect(q).toMatchObject({ accruedFen: 13_390, carriedAccruedFen: 2_417, interestFen: 15_807, totalFen: 5_556_366 });
    expect(q.accruedFen).toBe(act360(5_540_559, 20));
  });

  it('on the prepayment day, prepay + payoff costs what the payoff alone would have', () => {
    // Payoff alone 2024-04-25: 7,540,559 + 9,112. After prepaying 2,000,000: 5,540,559 × 0.0435 × 10 / 360
    // = 6,694.84 → 6,695, + 2,417 = 9,112 — the same interest, not 6,695 (dropped) nor 11,529 (twice).
    const q = unwrap(payoffQuote(stateOf(partial().schedule.rows, 3), '2024-04-25'));
    expect(q.interestFen).toBe(9_112);
    expect(2_000_000 + q.totalFen).toBe(unwrap(payoffQuote(afterThree, '2024-04-25')).totalFen);
  });

  it('a second partial prepayment in the period keeps the first one’s carried interest', () => {
    // 10,000.00 more on 2024-05-01 (16 days): 1,000,000 × 0.0435 × 16 / 360 = 1,933.33 → 1,933.
    // Row 4: round(4,540,559 × 0.003625 + 1,933.33) = round(18,392.86) = 18,393, + 2,417 = 20,810.
    const first = partial();
    const second = unwrap(
      partialPrepayment(stateOf(first.schedule.rows, 3), {
        date: '2024-05-01',
        amountFen: 1_000_000,
        option: 'LOWER_INSTALMENT',
      }),
    );
    expect(second.schedule.rows[3]).toMatchObject({ interestFen: 20_810, carriedAccruedFen: 2_417 + 1_933 });
    // Payoff 2024-05-05: 4,540,559 × 0.0435 × 20 / 360 = 10,973.02 → 10,973; + 4,350 = 15,323.
    const q = unwrap(payoffQuote(stateOf(second.schedule.rows, 3), '2024-05-05'));
    expect(q.interestFen).toBe(15_323);
  });

  it('a re-spread deferral (RESPREAD) keeps it in its first row', () => {
    // Row 4 re-made over 12 months: round(5,540,559 × 0.003625) = round(20,084.53) = 20,085, + 2,417.
    const s = stateOf(partial().schedule.rows, 3);
    const d = unwrap(deferral(s, { kind: 'RESPREAD', newRemainingTerm: 12 }, POLICY));
    expect(d.schedule.rows[3]).toMatchObject({ interestFen: 20_085 + 2_417, carriedAccruedFen: 2_417 });
  });

  it('an early instalment after it pays it now, and the payoff that day then owes nothing more of it', () => {
    // 归还本期 2024-05-05: 2,417 carried + 13,390 (20 days on 5,540,559) = 15,807, which is the
    // payoff's interest that same day.
    const s = stateOf(partial().schedule.rows, 3);
    const p = unwrap(instalmentPayment(s, '2024-05-05'));
    expect(p.interestFen).toBe(2_417 + 13_390);
    expect(p.interestFen).toBe(unwrap(payoffQuote(s, '2024-05-05')).interestFen);
    const after = { ...s, rows: p.schedule.rows, paidThroughPeriod: 4, accrualStart: '2024-05-05' };
    expect(unwrap(payoffQuote(after, '2024-05-05'))).toMatchObject({ carriedAccruedFen: 0, interestFen: 0 });
  });

  it('property: prepay then pay off in the same period costs what paying off on that day would, ±1 fen', () => {
    const methods: AmortisingMethod[] = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.integer({ min: 1_000, max: 1_000_000 }).map((y) => y * 100),
        fc.integer({ min: 1, max: 2400 }),
        fc.constantFrom(3, 6, 12, 24),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (method, P, bp, n, fk, fd, fa) => {
          const k = Math.floor(fk * (n - 1));
          const s = loanStateFromTerms(
            method,
            { principalFen: P, annualRate: { bp }, termMonths: n, startDate: '2024-01-31' },
            k,
          );
          const last = k === 0 ? '2024-01-31' : s.rows[k - 1].dueDate;
          const date = addDays(last, Math.floor(fd * (daysBetween(last, s.rows[k].dueDate) - 1)));
          const balance = s.rows.slice(k).reduce((a, r) => a + r.principalFen, 0);
          if (balance <= 10_000) return;
          const amountFen = 10_000 + Math.floor(fa * (balance - 10_001));
          const r = unwrap(partialPrepayment(s, { date, amountFen, option: 'LOWER_INSTALMENT' }));
          const after = unwrap(payoffQuote({ ...s, rows: r.schedule.rows }, date));
          const alone = unwrap(payoffQuote(s, date));
          // Two roundings (the carried amount and the rest) against one: at most 1 fen apart.
          expect(Math.abs(amountFen + after.totalFen - alone.totalFen)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
