import fc from 'fast-check';
import { addDays } from './day-count';
import { deferral } from './deferral';
import { loanStateFromTerms, type LoanState } from './loan-state';
import { instalmentPayment, partialPrepayment, payoffQuote } from './prepayment';
import type { AmortisingMethod } from './schedule';
import { daysBetween } from './test-support/exact';

// The rest of a period whose instalment was paid early (归还本期 before its due date) is carried into
// the next row as `carriedInterestFen`. These tests pin that it is collected exactly once and never
// re-priced upwards — by a partial prepayment, a re-spread, an interest-only or a full deferral.
//
// Reference loan (product.md): 100,000.00 yuan, 12 months, 4.35 %, 等额本息, drawn 2024-01-15.
// Row 1 (due 2024-02-15) paid on 2024-01-25: accrued 12,083, saved 2,073, and the rest of the period
// 36,250 − 2,073 − 12,083 = 22,094 carried into row 2 (due 2024-03-15), on the balance 9,183,151.
const terms = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };
const POLICY = { maxDeferralMonths: 6 };

function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

/** The state after paying the next row early on `date` (the bank stores the payment day as the accrual start). */
function paidEarly(state: LoanState, date: string): LoanState {
  const r = unwrap(instalmentPayment(state, date));
  return { ...state, rows: r.schedule.rows, paidThroughPeriod: state.paidThroughPeriod + 1, accrualStart: date };
}

const fresh = loanStateFromTerms('EQUAL_INSTALMENT', terms);
const early = paidEarly(fresh, '2024-01-25');

it('instalmentPayment marks what it carries on the next row', () => {
  expect(early.rows[1]).toMatchObject({ period: 2, interestFen: 33_289 + 22_094, carriedInterestFen: 22_094 });
});

describe('partial prepayment right after an early instalment', () => {
  it('a 1-fen prepayment costs no interest (it cost 1,208 fen when the carried days were re-priced)', () => {
    // Carried 22,094 on 9,183,151 kept on 9,183,150: 22,093.998; month 9,183,150 × 0.003625 =
    // 33,288.92; prepaid fen × 0 days = 0 → 55,382.91 → 55,383 = the row as it was. Re-priced on actual
    // days the 21 days were 9,183,150 × 0.0435 × 21 / 360 = 23,302.24, i.e. 1,208 more.
    const r = unwrap(partialPrepayment(early, { date: '2024-01-25', amountFen: 1, option: 'LOWER_INSTALMENT' }));
    expect(r.schedule.rows[1].interestFen).toBe(55_383);
    expect(r.interestSavedFen).toBeGreaterThanOrEqual(0);
  });

  it('property: after an early instalment, a partial prepayment never increases total interest', () => {
    const methods: AmortisingMethod[] = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.constantFrom('SHORTEN_TERM' as const, 'LOWER_INSTALMENT' as const),
        fc.integer({ min: 100, max: 2400 }),
        fc.constantFrom(3, 12, 36),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (method, option, bp, n, fk, fpay, fdate, famount) => {
          if (method === 'INTEREST_FIRST' && option === 'SHORTEN_TERM') return;
          // 31-day months (start on the 31st) are where actual days exceed the rows' 30/360 month.
          const base = loanStateFromTerms(
            method,
            { principalFen: 10_000_000, annualRate: { bp }, termMonths: n, startDate: '2024-01-31' },
            Math.floor(fk * (n - 2)),
          );
          const k = base.paidThroughPeriod;
          const last = k === 0 ? base.startDate : base.rows[k - 1].dueDate;
          const payDay = addDays(last, Math.floor(fpay * daysBetween(last, base.rows[k].dueDate)));
          const s = paidEarly(base, payDay);
          const next = s.rows[k + 1].dueDate;
          const date = addDays(payDay, Math.floor(fdate * (daysBetween(payDay, next) - 1)));
          const balance = s.rows.slice(k + 1).reduce((a, r) => a + r.principalFen, 0);
          // Small amounts (1 fen – 100 yuan), where re-pricing the carried days on actual days cost
          // more than the prepayment saved: up to a day's interest on the balance, hundreds of fen
          // (this failed at stop 10's code). What is left is rounding: each re-amortised row rounds
          // its month to the fen, so the total may move by under a fen a row.
          const amountFen = 1 + Math.floor(famount * Math.min(9_999, balance - 2));
          const r = unwrap(partialPrepayment(s, { date, amountFen, option }));
          expect(r.interestSavedFen).toBeGreaterThanOrEqual(-r.remainingPeriods);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('deferral after an early instalment', () => {
  it('RESPREAD keeps the same carried amount in its first new row', () => {
    // Same balance, so the same 22,094: month 33,288.92 + 22,094 → 55,383 (as row 2 had).
    const r = unwrap(deferral(early, { kind: 'RESPREAD', newRemainingTerm: 12 }, POLICY));
    expect(r.schedule.rows[1]).toMatchObject({ period: 2, interestFen: 55_383, carriedInterestFen: 22_094 });
  });

  it('INTEREST_ONLY collects it with the first interest-only row, due when it was', () => {
    const r = unwrap(deferral(early, { kind: 'INTEREST_ONLY', months: 3 }, POLICY));
    const rows = r.schedule.rows;
    // Interest-only row 2 (due 2024-03-15, row 2's date): 33,289 + 22,094.
    expect(rows[1]).toMatchObject({
      dueDate: '2024-03-15',
      principalFen: 0,
      interestFen: 55_383,
      carriedInterestFen: 22_094,
    });
    // Old row 2, now row 5, is its own month only.
    expect(rows[4]).toMatchObject({ dueDate: '2024-06-15', interestFen: 33_289 });
    expect(rows[4].carriedInterestFen).toBeUndefined();
    // Before the fix the 22,094 moved with old row 2 and a payoff after the interest-only months
    // dropped it; now the interest-only months' total carries it once.
    expect(r.extraInterestFen).toBe(3 * 33_289);
  });

  it('FULL_DEFERRAL keeps it with its row and a payoff after a paused month collects it', () => {
    const d = unwrap(deferral(early, { kind: 'FULL_DEFERRAL', months: 3, deferredInterest: 'SPREAD' }, POLICY));
    const s: LoanState = { ...early, rows: d.schedule.rows };
    // During the first paused month interest runs from the payment day: 01-25 → 03-10 is 45 days,
    // 9,183,151 × 0.0435 × 45 / 360 = 49,933.38 → 49,933; the carried days are among those, not extra.
    expect(unwrap(payoffQuote(s, '2024-03-10'))).toMatchObject({ interestFen: 49_933, carriedAccruedFen: 0 });
    // The first paused month settled on its due date (2024-03-15): 10 days 11,096.31 → 11,096, that
    // month's deferred interest 33,289, and the carried 22,094 — those days have run and were never
    // paid (a payoff dropped them before the fix: 44,385).
    const settled: LoanState = { ...s, paidThroughPeriod: 2, accrualStart: '2024-03-15' };
    expect(unwrap(payoffQuote(settled, '2024-03-25'))).toMatchObject({
      accruedFen: 11_096,
      carriedAccruedFen: 22_094,
      deferredInterestFen: 33_289,
      interestFen: 11_096 + 22_094 + 33_289,
    });
  });

  it('an instalment paid early after the pause pays the carried days in full', () => {
    const d = unwrap(deferral(early, { kind: 'FULL_DEFERRAL', months: 1, deferredInterest: 'SPREAD' }, POLICY));
    // Paused row 2 (due 03-15) settled; old row 2 is row 3, due 2024-04-15, paid on its due date it
    // costs the row: 33,289 + 22,094 + the one paused month's share.
    const settled: LoanState = { ...early, rows: d.schedule.rows, paidThroughPeriod: 2, accrualStart: '2024-03-15' };
    const onDue = unwrap(instalmentPayment(settled, '2024-04-15'));
    // Paid ten days early: the carried 22,094 and the share are owed already; only the month is re-priced.
    const tenEarly = unwrap(instalmentPayment(settled, '2024-04-05'));
    const share = d.schedule.rows[2].deferredInterestFen ?? 0;
    expect(onDue.interestFen).toBe(33_289 + 22_094 + share);
    expect(tenEarly.interestFen - 22_094 - share).toBeLessThan(33_289);
    expect(tenEarly.interestFen).toBeGreaterThan(22_094 + share);
  });
});
