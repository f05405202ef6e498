import type { IsoDate } from '../day-count';
import type { Fen } from '../money';
import type { RateInput } from '../rate';

/** Repayment methods. `const` object (not enum) so bundlers can tree-shake. */
export const RepaymentMethod = {
  /** 等额本息: equal total payment each month. */
  EQUAL_INSTALMENT: 'EQUAL_INSTALMENT',
  /** 等额本金: equal principal each month, interest on the falling balance. */
  EQUAL_PRINCIPAL: 'EQUAL_PRINCIPAL',
  /** 先息后本: interest monthly, all principal at maturity. */
  INTEREST_FIRST: 'INTEREST_FIRST',
  /** 随借随还: daily interest on the drawn balance. */
  REVOLVING: 'REVOLVING',
} as const;
export type RepaymentMethod = (typeof RepaymentMethod)[keyof typeof RepaymentMethod];
export type AmortisingMethod = Exclude<RepaymentMethod, 'REVOLVING'>;

export interface LoanTerms {
  /** Loan principal in fen. */
  principalFen: Fen;
  /** Annual contract rate, e.g. '0.0435' or { bp: 435 }. */
  annualRate: RateInput;
  /** Number of monthly periods. */
  termMonths: number;
  /** Drawdown / value date 'YYYY-MM-DD'; due dates are monthly anniversaries of it. */
  startDate: IsoDate;
}

export interface ScheduleRow {
  period: number;
  dueDate: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
  paymentFen: Fen;
  /** Principal remaining after this row is paid. */
  balanceFen: Fen;
  /**
   * Of `interestFen`, the share that repays interest deferred by a 延期还本付息 (`FULL_DEFERRAL`):
   * interest of the paused months, owed by the customer. A payoff collects what is still owed of it,
   * a re-amortisation (partial prepayment, re-spread) keeps it. Absent = 0.
   */
  deferredInterestFen?: Fen;
  /**
   * Of `interestFen`, interest already accrued on principal prepaid before this row's due date
   * (部分提前还款: from the accrual start to the prepayment day), carried into this row. Owed
   * whatever happens next: a payoff or an early instalment collects it, a re-amortisation keeps it.
   * Absent = 0.
   */
  carriedAccruedFen?: Fen;
  /**
   * Of `interestFen`, the rest of a period whose instalment was paid early (归还本期 before its due
   * date, `instalmentPayment`): interest from the payment day to that due date on the principal still
   * owed, carried into this row. Not owed until those days have run — while interest runs from the
   * payment day a payoff charges them on actual days instead; a re-amortisation keeps the amount
   * carried (in proportion to a lower balance), never re-priced upwards. Absent = 0.
   */
  carriedInterestFen?: Fen;
}

export interface ScheduleTotals {
  principalFen: Fen;
  interestFen: Fen;
  paymentFen: Fen;
}

export interface Schedule {
  method: RepaymentMethod;
  rows: ScheduleRow[];
  totals: ScheduleTotals;
}

export function totalsOf(rows: readonly ScheduleRow[]): ScheduleTotals {
  let principalFen = 0;
  let interestFen = 0;
  let paymentFen = 0;
  for (const r of rows) {
    principalFen += r.principalFen;
    interestFen += r.interestFen;
    paymentFen += r.paymentFen;
  }
  return { principalFen, interestFen, paymentFen };
}

export function makeSchedule(method: RepaymentMethod, rows: ScheduleRow[]): Schedule {
  return { method, rows, totals: totalsOf(rows) };
}
