import { Dec, type Dec as DecT } from './decimal';
import { actualDays, dayInterest, daysInYear, parseDate, type DayCountBasis, type IsoDate } from './day-count';
import { fail, ok, type Result } from './errors';
import { positionOf, type LoanState } from './loan-state';
import { assertFen, roundFen, type Fen } from './money';
import { zhCN } from './messages.zh-CN';
import {
  addDeferredShares,
  carriedOwedOf,
  inEarlyPaidPeriod,
  owedInterestOf,
  periodCarryOf,
  regularShareOf,
} from './owed-interest';
import { monthlyRate, toRate } from './rate';
import { amortise, equalInstalmentFen } from './schedule/amortise';
import { makeSchedule, type Schedule, type ScheduleRow } from './schedule/types';

export interface PayoffQuote {
  /** Outstanding principal repaid. */
  principalFen: Fen;
  /**
   * All interest owed on the payoff date: `accruedFen` + `carriedAccruedFen` + `deferredInterestFen`.
   */
  interestFen: Fen;
  /** Interest on the outstanding principal from `accruedFrom` to the payoff date, actual days. */
  accruedFen: Fen;
  /** Interest accrued on principal prepaid earlier in the period, carried in the unpaid rows. */
  carriedAccruedFen: Fen;
  /** Deferred interest (延期还本付息) of the paused months already run and not yet paid. */
  deferredInterestFen: Fen;
  totalFen: Fen;
  days: number;
  accruedFrom: IsoDate;
  /** Scheduled interest of the unpaid rows minus `interestFen`. */
  interestSavedFen: Fen;
}

function sumInterest(rows: readonly { interestFen: number }[]): number {
  return rows.reduce((a, r) => a + r.interestFen, 0);
}

/**
 * 全部提前还款: exact payoff on `date` — outstanding principal plus interest on it from the accrual
 * start (the last due date, the start date, or the day the last instalment was paid early) to `date`
 * on actual days (`basis`, default ACT/360), rounded once; plus the interest the unpaid rows carry as
 * a debt already (`owedInterestOf`: accrued on principal prepaid earlier in the period, deferred
 * interest of paused months already run); no fee. `date` must not be before the accrual start, nor
 * after the next unpaid due date (then something is overdue).
 */
export function payoffQuote(state: LoanState, date: IsoDate, basis: DayCountBasis = 'ACT/360'): Result<PayoffQuote> {
  const pos = positionOf(state);
  if (!pos) return fail('PREPAY_BAD_PAID_THROUGH', zhCN.PREPAY_BAD_PAID_THROUGH);
  parseDate(date);
  if (pos.remainingRows.length === 0 || pos.balanceFen === 0) {
    return fail('PREPAY_NOTHING_OUTSTANDING', zhCN.PREPAY_NOTHING_OUTSTANDING);
  }
  if (date < pos.accrualStart) return fail('PREPAY_DATE_BEFORE_LAST_DUE', zhCN.PREPAY_DATE_BEFORE_LAST_DUE);
  if (date > pos.remainingRows[0].dueDate) return fail('PREPAY_HAS_OVERDUE', zhCN.PREPAY_HAS_OVERDUE);
  const days = actualDays(pos.accrualStart, date);
  const accruedFen = roundFen(
    new Dec(pos.balanceFen).times(toRate(state.annualRate)).times(days).div(daysInYear(basis)),
  );
  const owed = owedInterestOf(pos, monthlyRate(state.annualRate));
  const interestFen = accruedFen + owed.carriedAccruedFen + owed.deferredInterestFen;
  return ok({
    principalFen: pos.balanceFen,
    interestFen,
    accruedFen,
    carriedAccruedFen: owed.carriedAccruedFen,
    deferredInterestFen: owed.deferredInterestFen,
    totalFen: pos.balanceFen + interestFen,
    days,
    accruedFrom: pos.accrualStart,
    interestSavedFen: sumInterest(pos.remainingRows) - interestFen,
  });
}

/**
 * The regular amounts of the remaining rows: from the first non-final row that repays principal
 * (skipping interest-only or paused rows left by a deferral), its principal and principal +
 * interest on the balance before it (without any carried accrual). Falls back to re-amortising.
 */
function regularAmounts(
  rows: readonly ScheduleRow[],
  balanceFen: number,
  r: DecT,
): { paymentFen: number; principalFen: number } {
  let before = balanceFen;
  for (let i = 0; i < rows.length - 1; i++) {
    if (rows[i].principalFen > 0) {
      return {
        principalFen: rows[i].principalFen,
        paymentFen: rows[i].principalFen + roundFen(new Dec(before).times(r)),
      };
    }
    before -= rows[i].principalFen;
  }
  return {
    principalFen: roundFen(new Dec(balanceFen).div(rows.length)),
    paymentFen: equalInstalmentFen(balanceFen, r, rows.length),
  };
}

/** After a partial prepayment: keep the instalment and finish earlier, or keep the term and pay less. */
export const PrepaymentOption = { SHORTEN_TERM: 'SHORTEN_TERM', LOWER_INSTALMENT: 'LOWER_INSTALMENT' } as const;
export type PrepaymentOption = (typeof PrepaymentOption)[keyof typeof PrepaymentOption];

export interface PartialPrepaymentInput {
  date: IsoDate;
  /** Principal to prepay, in fen; must be below the outstanding principal. */
  amountFen: Fen;
  option: PrepaymentOption;
  basis?: DayCountBasis;
}

export interface PartialPrepaymentResult {
  /** Paid rows unchanged + the new rows from the next period on. */
  schedule: Schedule;
  prepaidPrincipalFen: Fen;
  /** Interest on the prepaid amount from the accrual start to `date`; it is carried into the next row. */
  accruedOnPrepaidFen: Fen;
  /**
   * Deferred interest (延期还本付息) still owed, spread anew over the new rows (⌊D / n⌋ each, the last
   * takes the remainder); 0 without a deferral.
   */
  deferredInterestFen: Fen;
  /**
   * What the customer pays each month on the new rows: the first new row's regular principal +
   * interest (without the carried accrual) + its deferred-interest share (⌊D / n⌋; the last row
   * takes the remainder).
   */
  newInstalmentFen: Fen;
  remainingPeriods: number;
  /** Scheduled interest of the old unpaid rows minus that of the new rows (≥ 0). */
  interestSavedFen: Fen;
}

/**
 * 部分提前还款 on `date` (strictly before the next due date). The prepaid principal is applied on
 * `date`; interest on it for the days already run (actual days, `basis`) is carried into the next
 * row's interest, which is rounded once for the period. The remaining balance is re-amortised:
 * SHORTEN_TERM keeps the instalment (等额本息) or the principal per period (等额本金) and ends earlier;
 * LOWER_INSTALMENT keeps the remaining due dates and lowers the payment. 先息后本 supports only
 * LOWER_INSTALMENT (its principal is due at maturity anyway).
 */
export function partialPrepayment(state: LoanState, input: PartialPrepaymentInput): Result<PartialPrepaymentResult> {
  const pos = positionOf(state);
  if (!pos) return fail('PREPAY_BAD_PAID_THROUGH', zhCN.PREPAY_BAD_PAID_THROUGH);
  parseDate(input.date);
  assertFen(input.amountFen, 'prepayment', true);
  const R = pos.remainingRows;
  if (R.length === 0 || pos.balanceFen === 0)
    return fail('PREPAY_NOTHING_OUTSTANDING', zhCN.PREPAY_NOTHING_OUTSTANDING);
  if (input.date < pos.accrualStart) return fail('PREPAY_DATE_BEFORE_LAST_DUE', zhCN.PREPAY_DATE_BEFORE_LAST_DUE);
  if (input.date >= R[0].dueDate) return fail('PREPAY_HAS_OVERDUE', zhCN.PREPAY_HAS_OVERDUE);
  if (input.amountFen <= 0) return fail('PREPAY_AMOUNT_NOT_POSITIVE', zhCN.PREPAY_AMOUNT_NOT_POSITIVE);
  if (input.amountFen >= pos.balanceFen) return fail('PREPAY_AMOUNT_TOO_LARGE', zhCN.PREPAY_AMOUNT_TOO_LARGE);
  if (input.option === 'SHORTEN_TERM' && state.method === 'INTEREST_FIRST') {
    return fail('PREPAY_OPTION_UNSUPPORTED', zhCN.PREPAY_OPTION_UNSUPPORTED);
  }

  const r = monthlyRate(state.annualRate);
  const newBalance = pos.balanceFen - input.amountFen;
  const basis = input.basis ?? 'ACT/360';
  const accrued: DecT = dayInterest(input.amountFen, state.annualRate, actualDays(pos.accrualStart, input.date), basis);
  // After an instalment paid early, the rest of its period (payment day → last due date, on the
  // principal still owed) was carried into the next row as priced then; it stays in the first new
  // row on the lower balance. Re-pricing it on actual days could cost more than it saves (a 31-day
  // month is more than the row's 30/360 month): a 1-fen prepayment then cost 1,208 fen of interest.
  const carry = periodCarryOf(pos);
  const stub: DecT = new Dec(carry).times(newBalance).div(pos.balanceFen);
  const shorten = input.option === 'SHORTEN_TERM' && R.length >= 2;
  const regular = shorten ? regularAmounts(R, pos.balanceFen, r) : undefined;
  // What the old rows carry as a debt is not the old rows' to lose: interest accrued on principal
  // prepaid earlier in this period stays in the first row, deferred interest is spread again.
  const owed = owedInterestOf(pos, r);

  const amortised = amortise({
    method: state.method,
    balanceFen: newBalance,
    monthlyRate: r,
    periods: R.length,
    dueDate: (i) => R[i].dueDate,
    firstPeriod: state.paidThroughPeriod + 1,
    keepPaymentFen: state.method === 'EQUAL_INSTALMENT' ? regular?.paymentFen : undefined,
    keepPrincipalFen: state.method === 'EQUAL_PRINCIPAL' ? regular?.principalFen : undefined,
    firstPeriodExtraInterest: accrued.plus(stub).plus(owed.carriedAccruedFen),
  });
  const carriedAccruedFen = owed.carriedAccruedFen + roundFen(accrued);
  if (carriedAccruedFen > 0) amortised[0].carriedAccruedFen = carriedAccruedFen;
  if (carry > 0) amortised[0].carriedInterestFen = roundFen(stub);
  // 缩短期限 keeps what the customer pays each month, deferred-interest share included: spread over
  // fewer rows the share would grow (the payment rose by 26.04 yuan in the reference case), so each
  // row keeps the share it had and the last row takes what is left.
  const newRows = addDeferredShares(
    amortised,
    owed.deferredInterestFen,
    'SPREAD',
    shorten ? regularShareOf(R) || Infinity : Infinity,
  );
  const first = newRows[0];
  // The share is paid every month like principal and interest, so the amount shown includes it.
  const newInstalmentFen =
    first.principalFen + roundFen(new Dec(newBalance).times(r)) + (first.deferredInterestFen ?? 0);
  return ok({
    schedule: makeSchedule(state.method, [...pos.paidRows, ...newRows]),
    prepaidPrincipalFen: input.amountFen,
    accruedOnPrepaidFen: roundFen(accrued),
    deferredInterestFen: owed.deferredInterestFen,
    newInstalmentFen,
    remainingPeriods: newRows.length,
    interestSavedFen: sumInterest(R) - sumInterest(newRows),
  });
}

export interface InstalmentPayment {
  /** The instalment paid: the first unpaid row. */
  period: number;
  dueDate: IsoDate;
  principalFen: Fen;
  /** Interest paid now: accrued on the outstanding principal from `accruedFrom` to the payment date. */
  interestFen: Fen;
  totalFen: Fen;
  /** True when paid before the due date. */
  early: boolean;
  days: number;
  accruedFrom: IsoDate;
  /** The row's interest as scheduled (what paying on the due date costs). */
  scheduledInterestFen: Fen;
  /** Interest of the period not yet run, on the principal still owed; added to the next row. */
  carriedInterestFen: Fen;
  /** Interest the instalment's principal no longer bears: from the payment date to the due date. */
  interestSavedFen: Fen;
  /** Paid rows + this row as paid + the next row with the carried interest + the rest unchanged. */
  schedule: Schedule;
}

/**
 * 归还本期 on `date`: the first unpaid row. On its due date it costs exactly the scheduled row.
 * Before the due date it is an early repayment of that row's principal, and interest accrues only
 * to the repayment date (product.md): the row's principal stops bearing interest on `date`, which
 * saves `round(principal × rate × days(date → due date) / basis)` of the row's interest; what is
 * left of the row's interest is split into what has accrued on the whole outstanding principal so
 * far (paid now, never more than what is left) and the rest (the period not yet run, on the
 * principal still owed), which is carried into the next row. The owner never pays more interest
 * than by paying on the due date, nothing is charged in advance, and the loan's accrual start
 * becomes `date` (store it as `LoanState.accrualStart`), so prepayment stays possible at once.
 */
export function instalmentPayment(
  state: LoanState,
  date: IsoDate,
  basis: DayCountBasis = 'ACT/360',
): Result<InstalmentPayment> {
  const pos = positionOf(state);
  if (!pos) return fail('PREPAY_BAD_PAID_THROUGH', zhCN.PREPAY_BAD_PAID_THROUGH);
  parseDate(date);
  const R = pos.remainingRows;
  if (R.length === 0 || pos.balanceFen === 0)
    return fail('PREPAY_NOTHING_OUTSTANDING', zhCN.PREPAY_NOTHING_OUTSTANDING);
  const row = R[0];
  if (date < pos.accrualStart) return fail('PREPAY_DATE_BEFORE_LAST_DUE', zhCN.PREPAY_DATE_BEFORE_LAST_DUE);
  if (date > row.dueDate) return fail('PREPAY_HAS_OVERDUE', zhCN.PREPAY_HAS_OVERDUE);
  const days = actualDays(pos.accrualStart, date);
  const base = {
    period: row.period,
    dueDate: row.dueDate,
    principalFen: row.principalFen,
    days,
    accruedFrom: pos.accrualStart,
    scheduledInterestFen: row.interestFen,
  };
  if (date === row.dueDate) {
    return ok({
      ...base,
      interestFen: row.interestFen,
      totalFen: row.paymentFen,
      early: false,
      carriedInterestFen: 0,
      interestSavedFen: 0,
      schedule: makeSchedule(state.method, [...state.rows]),
    });
  }
  // What the row carries as a debt already (interest accrued on principal prepaid earlier in the
  // period, its share of deferred interest) is paid now in full; only the period's own interest — and
  // the carried rest of an early-paid period whose days have not run — is re-priced to the days run.
  const debt = carriedOwedOf(row, pos) + (row.deferredInterestFen ?? 0);
  const periodInterest = row.interestFen - debt;
  // The instalment's principal stops bearing interest on `date`.
  const saved = Math.min(
    periodInterest,
    roundFen(dayInterest(row.principalFen, state.annualRate, actualDays(date, row.dueDate), basis)),
  );
  const owed = periodInterest - saved;
  const accruedNow = Math.min(owed, roundFen(dayInterest(pos.balanceFen, state.annualRate, days, basis)));
  const interestFen = debt + accruedNow;
  // The last row paid early settles the loan: it costs what the payoff would (interest to `date`).
  const carried = R.length > 1 ? owed - accruedNow : 0;
  const next = R.slice(1).map((r, i) =>
    i === 0 && carried > 0
      ? {
          ...r,
          interestFen: r.interestFen + carried,
          paymentFen: r.paymentFen + carried,
          carriedInterestFen: (r.carriedInterestFen ?? 0) + carried,
        }
      : r,
  );
  // A carried rest of an early-paid period was re-priced with the month (not paid as a debt): the
  // paid row no longer holds it.
  const { carriedInterestFen: _repriced, ...unmarked } = row;
  const paid = {
    ...(inEarlyPaidPeriod(pos) ? unmarked : row),
    interestFen,
    paymentFen: row.principalFen + interestFen,
  };
  return ok({
    ...base,
    interestFen,
    totalFen: row.principalFen + interestFen,
    early: true,
    carriedInterestFen: carried,
    interestSavedFen: row.interestFen - interestFen - carried,
    schedule: makeSchedule(state.method, [...pos.paidRows, paid, ...next]),
  });
}
