import type { ApiResult } from '../../services/api/types';

/** A loan as GET /api/loans lists it (no schedule). */
export type LoanSummary = ApiResult<'/api/loans', 'get'>['items'][number];
/** A loan with its schedule, as GET /api/loans/{id} answers. */
export type LoanDetail = ApiResult<'/api/loans/{id}', 'get'>;

/** One schedule row of the detail answer; `status` marks paid / overdue / due rows. */
export interface LoanScheduleRow {
  period: number;
  dueDate: string;
  principalFen: number;
  interestFen: number;
  paymentFen: number;
  balanceFen: number;
  /** Of interestFen: the share repaying interest deferred by 延期还本付息. */
  deferredInterestFen?: number;
  /** Of interestFen: interest accrued on principal prepaid earlier in the period. */
  carriedAccruedFen?: number;
  /** Of interestFen: the rest of a period whose instalment was paid early, carried into this row. */
  carriedInterestFen?: number;
  status?: string;
}

export interface OverdueRow {
  period: number;
  dueDate: string;
  overduePrincipalFen: number;
  overdueInterestFen: number;
  overdueDays: number;
  penaltyFen: number;
}

/** The detail answer keeps extra fields open; these are the ones the servicing screens read. */
export function scheduleOf(loan: LoanDetail): LoanScheduleRow[] {
  return ((loan as { schedule?: LoanScheduleRow[] }).schedule ?? []).slice();
}

export function overdueRowsOf(loan: LoanSummary | LoanDetail): OverdueRow[] {
  return ((loan.overdue as { rows?: OverdueRow[] }).rows ?? []).slice();
}

export function deferralOf(loan: LoanSummary | LoanDetail): { option: string; months: number } | null {
  return (loan as { deferral?: { option: string; months: number } | null }).deferral ?? null;
}

/** How many rows are paid: the quote routes take the loan as terms + paidThroughPeriod. */
export function paidThroughOf(loan: LoanDetail): number {
  return scheduleOf(loan).filter((r) => r.status === 'paid').length;
}

/**
 * The bank's business date (China Standard Time, UTC+8, no daylight saving), which is the date the
 * bank prices payoffs and prepayments on, whatever the phone's time zone.
 */
export function businessToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The loans tab groups: overdue first (it needs action), then active, then settled / renewed. */
export type LoanGroup = 'overdue' | 'active' | 'settled';
export function groupOf(status: string): LoanGroup {
  if (status === 'overdue') return 'overdue';
  if (status === 'active') return 'active';
  return 'settled';
}

export const loanDetailUrl = (id: string) => `/package-loan/detail/index?id=${encodeURIComponent(id)}`;
export const repayUrl = (id: string) => `/package-loan/repay/index?id=${encodeURIComponent(id)}`;
export const deferralUrl = (id: string) => `/package-loan/deferral/index?id=${encodeURIComponent(id)}`;
