import { Dec, type Dec as DecT } from './decimal';
import { roundFen, type Fen } from './money';
import type { ScheduleRow } from './schedule/types';

/**
 * Interest in the unpaid rows that is a debt already, whatever day the loan is settled — as opposed
 * to a row's own period interest, which is only owed once its days have run (a payoff charges those
 * on actual days instead). Payoff, 归还本期 early and every re-amortisation go through here, so such
 * interest is collected exactly once: never dropped, never charged twice.
 */
export interface OwedInterest {
  /** Interest accrued on prepaid principal, carried in the unpaid rows (部分提前还款). */
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

/**
 * What of the unpaid rows' interest is owed already. The deferred interest sits in the rows after the
 * pause as shares of the whole pause; the paused months not yet run (still unpaid rows) have not
 * accrued, so their month's interest is taken off (a payoff during the pause charges the days run on
 * the principal instead).
 */
export function owedInterestOf(remainingRows: readonly ScheduleRow[], monthlyRate: DecT): OwedInterest {
  let carried = 0;
  let shares = 0;
  let notYetRun = 0;
  for (const row of remainingRows) {
    carried += row.carriedAccruedFen ?? 0;
    shares += row.deferredInterestFen ?? 0;
    if (isPausedRow(row)) notYetRun += pausedMonthInterestFen(row.balanceFen, monthlyRate);
  }
  return { carriedAccruedFen: carried, deferredInterestFen: Math.max(0, shares - notYetRun) };
}

/**
 * Adds deferred interest to rows as `deferredInterestFen` shares (and to their interest and payment):
 * `SPREAD` ⌊total / n⌋ on each row and the remainder on the last; `WITH_FIRST_INSTALMENT` all on the
 * first row. Returns new row objects.
 */
export function addDeferredShares(
  rows: readonly ScheduleRow[],
  totalFen: Fen,
  mode: 'SPREAD' | 'WITH_FIRST_INSTALMENT',
): ScheduleRow[] {
  if (totalFen === 0 || rows.length === 0) return rows.map((r) => ({ ...r }));
  const n = rows.length;
  const share = mode === 'SPREAD' ? Math.floor(totalFen / n) : 0;
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
