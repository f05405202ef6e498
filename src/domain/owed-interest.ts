import { Dec, type Dec as DecT } from './decimal';
import type { Position } from './loan-state';
import { roundFen, type Fen } from './money';
import type { ScheduleRow } from './schedule/types';

/**
 * Interest in the unpaid rows that is a debt already, whatever day the loan is settled — as opposed
 * to a row's own period interest, which is only owed once its days have run (a payoff charges those
 * on actual days instead). Payoff, 归还本期 early and every re-amortisation go through here, so such
 * interest is collected exactly once: never dropped, never charged twice.
 */
export interface OwedInterest {
  /**
   * Interest already accrued and carried in the unpaid rows: on prepaid principal (部分提前还款), and
   * the rest of a period whose instalment was paid early once those days have run (`periodCarryOf`).
   */
  carriedAccruedFen: Fen;
  /** Deferred interest (延期还本付息) of the paused months already run, less the shares already paid. */
  deferredInterestFen: Fen;
}

/**
 * A paused month of a 延期还本付息: nothing due (no principal, no interest) while principal is
 * outstanding. The bank settles such a row by itself on its due date.
 */
export function isPausedRow(row: ScheduleRow): boolean {
  return row.principalFen === 0 && row.interestFen === 0 && row.balanceFen > 0;
}

/** The interest a paused month defers: one month on the principal, `round(balance × monthly rate)`. */
export function pausedMonthInterestFen(balanceFen: number, monthlyRate: DecT): Fen {
  return roundFen(new Dec(balanceFen).times(monthlyRate));
}

/** The part of a loan's position these rules read. */
type Unpaid = Pick<Position, 'remainingRows' | 'accrualStart' | 'lastDueDate'>;

/**
 * True while interest runs from the day an instalment was paid early (归还本期 before its due date):
 * the rest of that period — carried in an unpaid row as `carriedInterestFen` — has not run yet, and a
 * payoff charges those days on actual days instead. Once the accrual start is a due date again (a
 * deferral pushed the carrying row past a settled paused month), the carried days have run and are
 * owed like any accrued interest.
 */
export function inEarlyPaidPeriod(pos: Unpaid): boolean {
  return pos.accrualStart < pos.lastDueDate;
}

/**
 * The carried rest of an early-paid period that a re-amortisation keeps for days not yet run
 * (0 outside such a period): the unpaid rows' `carriedInterestFen`, priced when the instalment was
 * paid. A partial prepayment keeps it in proportion to the lower balance (the carried days bear
 * interest on what is still owed), so a prepayment never costs more interest than it saves.
 */
export function periodCarryOf(pos: Unpaid): Fen {
  if (!inEarlyPaidPeriod(pos)) return 0;
  return pos.remainingRows.reduce((a, row) => a + (row.carriedInterestFen ?? 0), 0);
}

/** Of one unpaid row's interest, what was carried into it and is owed already (see `OwedInterest`). */
export function carriedOwedOf(row: ScheduleRow, pos: Unpaid): Fen {
  return (row.carriedAccruedFen ?? 0) + (inEarlyPaidPeriod(pos) ? 0 : (row.carriedInterestFen ?? 0));
}

/**
 * What of the unpaid rows' interest is owed already. The deferred interest sits in the rows after the
 * pause as shares of the whole pause; the paused months not yet run (still unpaid rows) have not
 * accrued, so their month's interest is taken off (a payoff during the pause charges the days run on
 * the principal instead).
 */
export function owedInterestOf(pos: Unpaid, monthlyRate: DecT): OwedInterest {
  let carried = 0;
  let shares = 0;
  let notYetRun = 0;
  for (const row of pos.remainingRows) {
    carried += carriedOwedOf(row, pos);
    shares += row.deferredInterestFen ?? 0;
    if (isPausedRow(row)) notYetRun += pausedMonthInterestFen(row.balanceFen, monthlyRate);
  }
  return { carriedAccruedFen: carried, deferredInterestFen: Math.max(0, shares - notYetRun) };
}

/**
 * The monthly share of deferred interest the unpaid rows ask: that of the first row carrying one
 * that is not the last (the last takes the remainder); 0 without a deferral.
 */
export function regularShareOf(rows: readonly ScheduleRow[]): Fen {
  return rows.slice(0, -1).find((r) => (r.deferredInterestFen ?? 0) > 0)?.deferredInterestFen ?? 0;
}

/**
 * Adds deferred interest to rows as `deferredInterestFen` shares (and to their interest and payment):
 * `SPREAD` ⌊total / n⌋ on each row — at most `maxShareFen` when given — and the remainder on the
 * last; `WITH_FIRST_INSTALMENT` all on the first row. Returns new row objects.
 */
export function addDeferredShares(
  rows: readonly ScheduleRow[],
  totalFen: Fen,
  mode: 'SPREAD' | 'WITH_FIRST_INSTALMENT',
  maxShareFen = Infinity,
): ScheduleRow[] {
  if (totalFen === 0 || rows.length === 0) return rows.map((r) => ({ ...r }));
  const n = rows.length;
  const share = mode === 'SPREAD' ? Math.min(Math.floor(totalFen / n), maxShareFen) : 0;
  return rows.map((row, i) => {
    const add = mode === 'SPREAD' ? (i === n - 1 ? totalFen - share * (n - 1) : share) : i === 0 ? totalFen : 0;
    if (add === 0) return { ...row };
    return {
      ...row,
      interestFen: row.interestFen + add,
      paymentFen: row.paymentFen + add,
      deferredInterestFen: (row.deferredInterestFen ?? 0) + add,
    };
  });
}
