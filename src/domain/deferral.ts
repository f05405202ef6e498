import type { IsoDate } from './day-count';
import { shiftDueDate } from './due-dates';
import { fail, ok, type Result } from './errors';
import { positionOf, type LoanState } from './loan-state';
import { Dec } from './decimal';
import { type Fen } from './money';
import { zhCN } from './messages.zh-CN';
import { addDeferredShares, owedInterestOf, pausedMonthInterestFen, periodCarryOf } from './owed-interest';
import { monthlyRate } from './rate';
import { amortise } from './schedule/amortise';
import { makeSchedule, type Schedule, type ScheduleRow } from './schedule/types';

/** Deferral plans (延期还本付息 / 展期). */
export type DeferralPlan =
  /** (a) N months of interest only, then the original remaining rows shifted N months. */
  | { kind: 'INTEREST_ONLY'; months: number }
  /** (b) Outstanding principal re-amortised over `newRemainingTerm` (> remaining periods) months. */
  | { kind: 'RESPREAD'; newRemainingTerm: number }
  /**
   * (c) N months with nothing due; interest accrues at the contract rate on the principal only
   * (正常计息、免收罚息, no compounding), then the original rows shift N months. The deferred interest
   * is paid with the first instalment after the deferral (default) or spread over the remaining rows.
   */
  | { kind: 'FULL_DEFERRAL'; months: number; deferredInterest?: 'WITH_FIRST_INSTALMENT' | 'SPREAD' };

export interface DeferralPolicy {
  /** The most months by which the loan's repayments may be pushed back (e.g. 6). */
  maxDeferralMonths: number;
}

export interface DeferralResult {
  /** Paid rows unchanged + the new rows. */
  schedule: Schedule;
  /** New schedule's interest minus the original unpaid rows' interest. */
  extraInterestFen: Fen;
  /** Months by which maturity moves. */
  extensionMonths: number;
  newMaturityDate: IsoDate;
  /** FULL_DEFERRAL only: interest accrued during the deferral months. */
  deferredInterestFen: Fen;
}

/** `row` with `carry` as its carried rest of an early-paid period (in its interest and payment) instead of what it had. */
function withPeriodCarry(row: ScheduleRow, carry: Fen): ScheduleRow {
  const delta = carry - (row.carriedInterestFen ?? 0);
  const { carriedInterestFen: _old, ...rest } = row;
  if (delta === 0) return { ...row };
  return {
    ...rest,
    interestFen: row.interestFen + delta,
    paymentFen: row.paymentFen + delta,
    ...(carry > 0 ? { carriedInterestFen: carry } : {}),
  };
}

function shiftRows(rows: readonly ScheduleRow[], months: number, anchorDay: number): ScheduleRow[] {
  return rows.map((r) => ({ ...r, period: r.period + months, dueDate: shiftDueDate(r.dueDate, months, anchorDay) }));
}

/**
 * Applies a deferral plan from the next unpaid period. Fails with DEFERRAL_EXCEEDS_POLICY_CAP when
 * the loan would move more than `policy.maxDeferralMonths` months. After an instalment paid early,
 * the rest of its period carried in the next row stays due when it was: in the first interest-only
 * row (INTEREST_ONLY) or the first new row (RESPREAD); FULL_DEFERRAL moves it with its row behind
 * the pause, where it is owed once the paused months have run (owed-interest.ts).
 */
export function deferral(state: LoanState, plan: DeferralPlan, policy: DeferralPolicy): Result<DeferralResult> {
  const pos = positionOf(state);
  if (!pos) return fail('DEFERRAL_BAD_PAID_THROUGH', zhCN.DEFERRAL_BAD_PAID_THROUGH);
  const R = pos.remainingRows;
  if (R.length === 0 || pos.balanceFen === 0)
    return fail('DEFERRAL_NOTHING_OUTSTANDING', zhCN.DEFERRAL_NOTHING_OUTSTANDING);

  let extension: number;
  if (plan.kind === 'RESPREAD') {
    if (!Number.isSafeInteger(plan.newRemainingTerm) || plan.newRemainingTerm <= R.length) {
      return fail('DEFERRAL_NEW_TERM_NOT_LONGER', zhCN.DEFERRAL_NEW_TERM_NOT_LONGER);
    }
    extension = plan.newRemainingTerm - R.length;
  } else {
    if (!Number.isSafeInteger(plan.months) || plan.months <= 0) {
      return fail('DEFERRAL_MONTHS_NOT_POSITIVE', zhCN.DEFERRAL_MONTHS_NOT_POSITIVE);
    }
    extension = plan.months;
  }
  if (extension > policy.maxDeferralMonths) {
    return fail('DEFERRAL_EXCEEDS_POLICY_CAP', zhCN.DEFERRAL_EXCEEDS_POLICY_CAP(policy.maxDeferralMonths));
  }

  const r = monthlyRate(state.annualRate);
  const B = pos.balanceFen;
  const firstPeriod = state.paidThroughPeriod + 1;
  const nextDue = R[0].dueDate;
  const at = (i: number) => shiftDueDate(nextDue, i, pos.anchorDay);
  const monthInterest = pausedMonthInterestFen(B, r);
  let newRows: ScheduleRow[];
  let deferredInterestFen = 0;

  if (plan.kind === 'INTEREST_ONLY') {
    const io = Array.from({ length: extension }, (_, i) => ({
      period: firstPeriod + i,
      dueDate: at(i),
      principalFen: 0,
      interestFen: monthInterest,
      paymentFen: monthInterest,
      balanceFen: B,
    }));
    newRows = [...io, ...shiftRows(R, extension, pos.anchorDay)];
    // The carried rest of an early-paid period was due on the next due date, which the first
    // interest-only row keeps: it moves there instead of behind the interest-only months.
    const carry = periodCarryOf(pos);
    if (carry > 0) newRows = newRows.map((row, i) => withPeriodCarry(row, i === 0 ? carry : 0));
  } else if (plan.kind === 'RESPREAD') {
    // The rows are re-made, so the interest the old ones carried as a debt is put back: accrued on
    // prepaid principal (first row) and deferred interest (spread).
    const owed = owedInterestOf(pos, r);
    // After an instalment paid early, the rest of its period was carried into the next row, which is
    // re-made here: the same amount stays in the first new row (the balance has not changed).
    const carry = periodCarryOf(pos);
    const rows = amortise({
      method: state.method,
      balanceFen: B,
      monthlyRate: r,
      periods: plan.newRemainingTerm,
      dueDate: at,
      firstPeriod,
      firstPeriodExtraInterest: new Dec(carry + owed.carriedAccruedFen),
    });
    if (owed.carriedAccruedFen > 0) rows[0].carriedAccruedFen = owed.carriedAccruedFen;
    if (carry > 0) rows[0].carriedInterestFen = carry;
    newRows = addDeferredShares(rows, owed.deferredInterestFen, 'SPREAD');
  } else {
    deferredInterestFen = monthInterest * extension;
    const paused = Array.from({ length: extension }, (_, i) => ({
      period: firstPeriod + i,
      dueDate: at(i),
      principalFen: 0,
      interestFen: 0,
      paymentFen: 0,
      balanceFen: B,
    }));
    // The shares are marked (`deferredInterestFen`): they are a debt, which a payoff or a partial
    // prepayment must not drop.
    const shifted = addDeferredShares(
      shiftRows(R, extension, pos.anchorDay),
      deferredInterestFen,
      plan.deferredInterest === 'SPREAD' ? 'SPREAD' : 'WITH_FIRST_INSTALMENT',
    );
    newRows = [...paused, ...shifted];
  }

  const oldInterest = R.reduce((a, x) => a + x.interestFen, 0);
  const newInterest = newRows.reduce((a, x) => a + x.interestFen, 0);
  return ok({
    schedule: makeSchedule(state.method, [...pos.paidRows, ...newRows]),
    extraInterestFen: newInterest - oldInterest,
    extensionMonths: extension,
    newMaturityDate: newRows[newRows.length - 1].dueDate,
    deferredInterestFen,
  });
}
