import { Dec, type Dec as DecT } from './decimal';
import { actualDays, daysInYear, type DayCountBasis, type IsoDate } from './day-count';
import { assertFen, roundFen, type Fen } from './money';
import { toRate, type RateInput } from './rate';
import type { ScheduleRow } from './schedule/types';

/** Penalty rate multiplier on the contract rate (罚息利率 = 合同利率 × 1.5). */
export const PENALTY_MULTIPLIER = '1.5';

export interface PenaltyInput {
  /** Overdue principal in fen (罚息); for 复利 pass the overdue interest instead (same rate and days). */
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
  /** 罚息: overdue principal × penalty rate × overdue days. */
  penaltyFen: Fen;
  /** 复利: overdue interest × penalty rate × overdue days (0 when compounding is off). */
  compoundFen: Fen;
}

export interface OverdueOptions {
  /**
   * Charge 复利 on interest not paid when due, at the penalty rate (银发〔2003〕251号 《中国人民银行关于
   * 人民币贷款利率有关问题的通知》: 对不能按时支付的利息，按罚息利率计收复利). Default true.
   */
  compoundInterest?: boolean;
  /** Penalty-rate multiplier on the contract rate; default 1.5. */
  multiplier?: string;
}

export interface OverdueSummary {
  rows: OverdueRow[];
  /** Principal + interest + 罚息 + 复利 of every overdue row: what clears them today. */
  totalFen: Fen;
  /** 罚息 on overdue principal, all rows. */
  penaltyFen: Fen;
  /** 复利 on overdue interest, all rows. */
  compoundFen: Fen;
}

/**
 * Every unpaid row (period > paidThroughPeriod) whose due date is before `asOf`, with its 罚息 on
 * the overdue principal and its 复利 on the overdue interest, each rounded once per row. Returns
 * the rows and the amount needed to clear them (principal + interest + 罚息 + 复利).
 */
export function overdueSummary(
  rows: readonly ScheduleRow[],
  paidThroughPeriod: number,
  asOf: IsoDate,
  annualRate: RateInput,
  basis: DayCountBasis = 'ACT/360',
  options: OverdueOptions = {},
): OverdueSummary {
  const compound = options.compoundInterest ?? true;
  const out: OverdueRow[] = [];
  for (const r of rows) {
    if (r.period <= paidThroughPeriod || r.dueDate >= asOf) continue;
    const common = { annualRate, dueDate: r.dueDate, asOf, basis, multiplier: options.multiplier };
    const p = penaltyInterest({ ...common, overduePrincipalFen: r.principalFen });
    const c = compound ? penaltyInterest({ ...common, overduePrincipalFen: r.interestFen }).penaltyFen : 0;
    out.push({
      period: r.period,
      dueDate: r.dueDate,
      overduePrincipalFen: r.principalFen,
      overdueInterestFen: r.interestFen,
      overdueDays: p.overdueDays,
      penaltyFen: p.penaltyFen,
      compoundFen: c,
    });
  }
  const penaltyFen = out.reduce((a, r) => a + r.penaltyFen, 0);
  const compoundFen = out.reduce((a, r) => a + r.compoundFen, 0);
  const totalFen = out.reduce(
    (a, r) => a + r.overduePrincipalFen + r.overdueInterestFen + r.penaltyFen + r.compoundFen,
    0,
  );
  return { rows: out, totalFen, penaltyFen, compoundFen };
}
