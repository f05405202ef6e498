import { Dec, type Dec as DecT } from './decimal';
import { actualDays, daysInYear, type DayCountBasis, type IsoDate } from './day-count';
import { assertFen, roundFen, type Fen } from './money';
import { toRate, type RateInput } from './rate';
import type { ScheduleRow } from './schedule/types';

/** Penalty rate multiplier on the contract rate (罚息利率 = 合同利率 × 1.5). */
export const PENALTY_MULTIPLIER = '1.5';

export interface PenaltyInput {
  /** Overdue principal in fen (penalty applies to principal only — no compounding on interest). */
  overduePrincipalFen: Fen;
  /** Contract annual rate. */
  annualRate: RateInput;
  /** The missed due date; the first overdue day is the day after it. */
  dueDate: IsoDate;
  /** Accrue up to and including this date. */
  asOf: IsoDate;
  basis?: DayCountBasis;
  multiplier?: string;
}

export interface PenaltyResult {
  overdueDays: number;
  penaltyAnnualRate: DecT;
  penaltyFen: Fen;
}

/**
 * 罚息: overdue principal × contract rate × 1.5 / basis days × overdue days (due 03-15, as of 03-16 → 1 day),
 * rounded once half-up. Zero when `asOf` is on or before the due date.
 */
export function penaltyInterest(input: PenaltyInput): PenaltyResult {
  assertFen(input.overduePrincipalFen, 'overduePrincipal');
  const penaltyAnnualRate = toRate(input.annualRate).times(new Dec(input.multiplier ?? PENALTY_MULTIPLIER));
  const overdueDays = Math.max(0, actualDays(input.dueDate, input.asOf));
  const penalty = new Dec(input.overduePrincipalFen)
    .times(penaltyAnnualRate)
    .times(overdueDays)
    .div(daysInYear(input.basis ?? 'ACT/360'));
  return { overdueDays, penaltyAnnualRate, penaltyFen: roundFen(penalty) };
}

export interface OverdueRow {
  period: number;
  dueDate: IsoDate;
  overduePrincipalFen: Fen;
  overdueInterestFen: Fen;
  overdueDays: number;
  penaltyFen: Fen;
}

/**
 * Every unpaid row (period > paidThroughPeriod) whose due date is before `asOf`, with its penalty.
 * Returns the rows and the amount needed to clear them (principal + interest + penalty).
 */
export function overdueSummary(
  rows: readonly ScheduleRow[],
  paidThroughPeriod: number,
  asOf: IsoDate,
  annualRate: RateInput,
  basis: DayCountBasis = 'ACT/360',
): { rows: OverdueRow[]; totalFen: Fen; penaltyFen: Fen } {
  const out: OverdueRow[] = [];
  for (const r of rows) {
    if (r.period <= paidThroughPeriod || r.dueDate >= asOf) continue;
    const p = penaltyInterest({ overduePrincipalFen: r.principalFen, annualRate, dueDate: r.dueDate, asOf, basis });
    out.push({
      period: r.period,
      dueDate: r.dueDate,
      overduePrincipalFen: r.principalFen,
      overdueInterestFen: r.interestFen,
      overdueDays: p.overdueDays,
      penaltyFen: p.penaltyFen,
    });
  }
  const penaltyFen = out.reduce((a, r) => a + r.penaltyFen, 0);
  const totalFen = out.reduce((a, r) => a + r.overduePrincipalFen + r.overdueInterestFen + r.penaltyFen, 0);
  return { rows: out, totalFen, penaltyFen };
}
