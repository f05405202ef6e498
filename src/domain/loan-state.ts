import { parseDate, type IsoDate } from './day-count';
import { DomainError } from './errors';
import { zhCN } from './messages.zh-CN';
import type { RateInput } from './rate';
import { buildMonthlySchedule } from './schedule/build';
import type { AmortisingMethod, LoanTerms, ScheduleRow } from './schedule/types';

/**
 * A loan as the servicing functions (prepayment, deferral, payoff) see it: the current schedule
 * (which may already have been changed) and how many rows are paid.
 */
export interface LoanState {
  method: AmortisingMethod;
  annualRate: RateInput;
  /** Value date; its day of month is the due day (month-end clamped). */
  startDate: IsoDate;
  /** The current schedule, periods numbered 1..n. */
  rows: readonly ScheduleRow[];
  /** Rows with period ≤ this are paid (0 = nothing paid yet). */
  paidThroughPeriod: number;
  /**
   * The day interest on the outstanding principal runs from (计息起始日). Normally the last paid due
   * date (or the start date); when the last instalment was paid *before* its due date (归还本期 early,
   * `instalmentPayment`) it is the day it was paid, and the interest from that day to the paid row's
   * due date is already carried in the next row. A later date than the last paid due date (a row
   * paid late) changes nothing: overdue time is charged as penalty, not here.
   */
  accrualStart?: IsoDate;
}

export function loanStateFromTerms(method: AmortisingMethod, terms: LoanTerms, paidThroughPeriod = 0): LoanState {
  return {
    method,
    annualRate: terms.annualRate,
    startDate: terms.startDate,
    rows: buildMonthlySchedule(method, terms).rows,
    paidThroughPeriod,
  };
}

export interface Position {
  paidRows: ScheduleRow[];
  remainingRows: ScheduleRow[];
  /** Outstanding principal after the paid rows. */
  balanceFen: number;
  /** Last paid due date, or the start date when nothing is paid. */
  lastDueDate: IsoDate;
  /** Interest runs from this day: `state.accrualStart` when earlier than `lastDueDate`, else `lastDueDate`. */
  accrualStart: IsoDate;
  anchorDay: number;
}

/** Splits a state into paid/remaining rows; `null` if `paidThroughPeriod` is out of range. */
export function positionOf(state: LoanState): Position | null {
  const k = state.paidThroughPeriod;
  if (!Number.isSafeInteger(k) || k < 0 || k > state.rows.length) return null;
  state.rows.forEach((r, i) => {
    if (r.period !== i + 1)
      throw new DomainError('SCHEDULE_PERIODS_NOT_CONTIGUOUS', zhCN.SCHEDULE_PERIODS_NOT_CONTIGUOUS);
  });
  const paidRows = state.rows.slice(0, k);
  const remainingRows = state.rows.slice(k);
  const balanceFen = remainingRows.reduce((a, r) => a + r.principalFen, 0);
  const lastDueDate = k > 0 ? state.rows[k - 1].dueDate : state.startDate;
  if (state.accrualStart !== undefined) parseDate(state.accrualStart);
  const accrualStart =
    state.accrualStart !== undefined && state.accrualStart < lastDueDate && state.accrualStart >= state.startDate
      ? state.accrualStart
      : lastDueDate;
  return {
    paidRows,
    remainingRows,
    balanceFen,
    lastDueDate,
    accrualStart,
    anchorDay: parseDate(state.startDate).date(),
  };
}
