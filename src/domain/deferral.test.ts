import fc from 'fast-check';
import { deferral, type DeferralPlan } from './deferral';
import { loanStateFromTerms, type LoanState } from './loan-state';
import { instalmentPayment } from './prepayment';
import type { AmortisingMethod } from './schedule';
import { refEqualInstalment } from './test-support/exact';

const TERMS = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-31' };
const state = loanStateFromTerms('EQUAL_INSTALMENT', TERMS, 3); // balance 75,405.59 after 2024-04-30
const POLICY = { maxDeferralMonths: 6 };
// one month's interest on 75,405.59: 7,540,559 × 0.003625 = 27,334.53 → 27,335
const MONTH_INTEREST = 27_335;

function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

describe('延期还本付息 deferral plans', () => {
  it('(a) 3 months interest-only, then the original rows shifted 3 months (month-end kept)', () => {
    const r = unwrap(deferral(state, { kind: 'INTEREST_ONLY', months: 3 }, POLICY));
    const rows = r.schedule.rows;
    expect(rows).toHaveLength(15);
    expect(rows.slice(3, 6)).toEqual([
      {
        period: 4,
        dueDate: '2024-05-31',
        principalFen: 0,
        interestFen: MONTH_INTEREST,
        paymentFen: MONTH_INTEREST,
        balanceFen: 7_540_559,
      },
      {
        period: 5,
        dueDate: '2024-06-30',
        principalFen: 0,
        interestFen: MONTH_INTEREST,
        paymentFen: MONTH_INTEREST,
        balanceFen: 7_540_559,
      },
      {
        period: 6,
        dueDate: '2024-07-31',
        principalFen: 0,
        interestFen: MONTH_INTEREST,
        paymentFen: MONTH_INTEREST,
        balanceFen: 7_540_559,
      },
    ]);
    // original row 4 (due 2024-05-31) now period 7, due 2024-08-31, same amounts
    expect(rows[6]).toMatchObject({
      period: 7,
      dueDate: '2024-08-31',
      principalFen: 825_764,
      interestFen: 27_335,
      paymentFen: 853_099,
    });
    expect(rows[14]).toMatchObject({ period: 15, dueDate: '2025-04-30', balanceFen: 0 });
    expect(r.extraInterestFen).toBe(3 * MONTH_INTEREST);
    expect(r.extensionMonths).toBe(3);
    expect(r.newMaturityDate).toBe('2025-04-30');
    expect(r.schedule.totals.principalFen).toBe(10_000_000);
  });

  it('(b) re-spread the remaining principal over 12 instead of 9 months', () => {
    const r = unwrap(deferral(state, { kind: 'RESPREAD', newRemainingTerm: 12 }, POLICY));
    const rows = r.schedule.rows.slice(3);
    expect(rows).toHaveLength(12);
    const ref = refEqualInstalment(BigInt(7_540_559), BigInt(435), 12);
    expect(rows.map((x) => x.paymentFen)).toEqual(ref.map((x) => Number(x.payment)));
    expect(rows[0].dueDate).toBe('2024-05-31');
    expect(r.newMaturityDate).toBe('2025-04-30');
    const oldInterest = state.rows.slice(3).reduce((a, x) => a + x.interestFen, 0);
    expect(r.extraInterestFen).toBe(ref.reduce((a, x) => a + Number(x.interest), 0) - oldInterest);
    expect(r.extraInterestFen).toBeGreaterThan(0);
  });

  it('(c) full deferral: nothing due for 3 months, interest accrues simply (no compounding, no penalty)', () => {
    const r = unwrap(deferral(state, { kind: 'FULL_DEFERRAL', months: 3 }, POLICY));
    const rows = r.schedule.rows;
    expect(rows.slice(3, 6).every((x) => x.paymentFen === 0 && x.balanceFen === 7_540_559)).toBe(true);
    expect(r.deferredInterestFen).toBe(3 * MONTH_INTEREST);
    expect(r.extraInterestFen).toBe(3 * MONTH_INTEREST);
    // deferred interest is paid with the first instalment after the deferral
    expect(rows[6]).toMatchObject({
      dueDate: '2024-08-31',
      principalFen: 825_764,
      interestFen: 27_335 + 3 * MONTH_INTEREST,
    });
    expect(rows[7].paymentFen).toBe(853_099);
  });

  it('(c) with SPREAD the deferred interest is shared over the remaining rows, residual last', () => {
    const r = unwrap(deferral(state, { kind: 'FULL_DEFERRAL', months: 3, deferredInterest: 'SPREAD' }, POLICY));
    const after = r.schedule.rows.slice(6);
    const orig = state.rows.slice(3);
    const added = after.map((x, i) => x.interestFen - orig[i].interestFen);
    expect(added.reduce((a, b) => a + b, 0)).toBe(3 * MONTH_INTEREST);
    expect(added.slice(0, -1).every((a) => a === Math.floor((3 * MONTH_INTEREST) / 9))).toBe(true);
  });

  it('enforces the policy cap with a clear message', () => {
    const r = deferral(state, { kind: 'INTEREST_ONLY', months: 7 }, POLICY);
    expect(r).toMatchObject({ ok: false, code: 'DEFERRAL_EXCEEDS_POLICY_CAP' });
    expect(!r.ok && r.message).toBe('申请的延期超过政策上限（最长6个月），请缩短延期期限');
    expect(deferral(state, { kind: 'RESPREAD', newRemainingTerm: 16 }, POLICY)).toMatchObject({
      ok: false,
      code: 'DEFERRAL_EXCEEDS_POLICY_CAP',
    });
    expect(deferral(state, { kind: 'RESPREAD', newRemainingTerm: 15 }, POLICY)).toMatchObject({ ok: true });
    expect(deferral(state, { kind: 'RESPREAD', newRemainingTerm: 9 }, POLICY)).toMatchObject({
      ok: false,
      code: 'DEFERRAL_NEW_TERM_NOT_LONGER',
    });
    expect(deferral(state, { kind: 'FULL_DEFERRAL', months: 0 }, POLICY)).toMatchObject({
      ok: false,
      code: 'DEFERRAL_MONTHS_NOT_POSITIVE',
    });
    expect(deferral({ ...state, paidThroughPeriod: 12 }, { kind: 'FULL_DEFERRAL', months: 1 }, POLICY)).toMatchObject({
      ok: false,
      code: 'DEFERRAL_NOTHING_OUTSTANDING',
    });
  });

  it('property: every plan keeps principal, ends at 0, never lowers interest, and moves maturity by the extension', () => {
    const methods: AmortisingMethod[] = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.integer({ min: 1_000, max: 1_000_000 }).map((y) => y * 100),
        fc.integer({ min: 1, max: 2400 }),
        fc.constantFrom(3, 6, 12, 24, 36),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('INTEREST_ONLY', 'RESPREAD', 'FULL_DEFERRAL'),
        (method, P, bp, n, fk, months, kind) => {
          const k = Math.floor(fk * (n - 1));
          const s = loanStateFromTerms(
            method,
            { principalFen: P, annualRate: { bp }, termMonths: n, startDate: '2024-01-31' },
            k,
          );
          const plan: DeferralPlan =
            kind === 'RESPREAD'
              ? { kind, newRemainingTerm: n - k + months }
              : { kind: kind as 'INTEREST_ONLY' | 'FULL_DEFERRAL', months };
          const r = unwrap(deferral(s, plan, POLICY));
          expect(r.schedule.totals.principalFen).toBe(P);
          expect(r.schedule.rows.every((x) => x.balanceFen >= 0)).toBe(true);
          expect(r.schedule.rows[r.schedule.rows.length - 1].balanceFen).toBe(0);
          expect(r.schedule.rows).toHaveLength(n + months);
          expect(r.extraInterestFen).toBeGreaterThanOrEqual(0);
          expect(r.schedule.rows.map((x) => x.period)).toEqual(r.schedule.rows.map((_, i) => i + 1));
          const d = r.schedule.rows.map((x) => x.dueDate);
          expect([...d].sort()).toEqual(d);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('RESPREAD after an instalment paid early', () => {
  // Reference loan drawn 2024-01-15 (等额本息, 100,000.00, 12 months, 4.35 %). Row 1 (due 2024-02-15)
  // paid early on 2024-01-25: balance 9,183,151 fen, interest runs from 2024-01-25, and row 2 (due
  // 2024-03-15) carries the 21 days 01-25 → 02-15 on top of its own month (33,289 + 22,094 = 55,383).
  const terms = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };
  const fresh = loanStateFromTerms('EQUAL_INSTALMENT', terms);
  const paid = unwrap(instalmentPayment(fresh, '2024-01-25'));
  const early: LoanState = { ...fresh, rows: paid.schedule.rows, paidThroughPeriod: 1, accrualStart: '2024-01-25' };
  const respread = { kind: 'RESPREAD', newRemainingTerm: 12 } as const;

  it('keeps the interest from the payment day to the last due date in the first new row, as carried', () => {
    // The 21 days were priced when the instalment was paid (22,094) and the balance has not changed,
    // so the same amount stays: month 9,183,151 × 0.0435 / 12 = 33,288.92 + 22,094 → 55,383. Before
    // stop 10: 33,289 (the 21 days dropped); at stop 10: 56,591 (re-priced on actual days, 1,208 more
    // than the row carried).
    const r = unwrap(deferral(early, respread, POLICY));
    const first = r.schedule.rows[1];
    expect(first).toMatchObject({ period: 2, dueDate: '2024-03-15', interestFen: 55_383, carriedInterestFen: 22_094 });
    // The instalment is re-amortised on the balance; the 21 days come on top of it.
    expect(first.paymentFen - first.interestFen).toBe(783_414 - 33_289);
    expect(first.carriedAccruedFen).toBeUndefined();
    expect(r.extraInterestFen).toBeGreaterThanOrEqual(0);
  });

  it('once those days have run (accrual from the last due date), keeps them as interest owed', () => {
    const r = unwrap(deferral({ ...early, accrualStart: undefined }, respread, POLICY));
    expect(r.schedule.rows[1]).toMatchObject({ interestFen: 55_383, carriedAccruedFen: 22_094 });
  });
});
