import { Dec, type Dec as DecT } from '../decimal';
import { DomainError } from '../errors';
import { assertFen, roundFen } from '../money';
import { zhCN } from '../messages.zh-CN';
import type { AmortisingMethod, ScheduleRow } from './types';

/**
 * The shared engine behind every monthly schedule (original, after prepayment, after deferral).
 * Each period: interest = round_half_up(balance × monthlyRate [+ extra accrued interest]);
 * the last period takes whatever principal is left so the balance ends at exactly 0.
 */
export interface AmortiseInput {
  method: AmortisingMethod;
  balanceFen: number;
  /** Periodic (monthly) rate, unrounded. */
  monthlyRate: DecT;
  /** Number of periods; with `keepPaymentFen`/`keepPrincipalFen` it is an upper bound. */
  periods: number;
  /** Due date of the i-th generated row (0-based). */
  dueDate: (i: number) => string;
  /** Period number of the first generated row. */
  firstPeriod?: number;
  /** 等额本息 SHORTEN_TERM: keep this instalment and stop once the balance is paid. */
  keepPaymentFen?: number;
  /** 等额本金 SHORTEN_TERM: keep this principal per period and stop once the balance is paid. */
  keepPrincipalFen?: number;
  /** Unrounded interest added to the first row before its single rounding (accrual carried in). */
  firstPeriodExtraInterest?: DecT;
}

/** 等额本息 instalment: P·r·(1+r)^n / ((1+r)^n − 1), half-up to the fen; P/n when r = 0. */
export function equalInstalmentFen(principalFen: number, monthlyRate: DecT, n: number): number {
  assertFen(principalFen, 'principal');
  if (!Number.isSafeInteger(n) || n <= 0) throw new DomainError('TERM_NOT_POSITIVE', zhCN.TERM_NOT_POSITIVE);
  if (monthlyRate.isZero()) return roundFen(new Dec(principalFen).div(n));
  const f = monthlyRate.plus(1).pow(n);
  return roundFen(new Dec(principalFen).times(monthlyRate).times(f).div(f.minus(1)));
}

export function amortise(input: AmortiseInput): ScheduleRow[] {
  const { method, monthlyRate, periods } = input;
  assertFen(input.balanceFen, 'principal');
  if (input.balanceFen === 0) throw new DomainError('PRINCIPAL_NOT_POSITIVE', zhCN.PRINCIPAL_NOT_POSITIVE);
  if (!Number.isSafeInteger(periods) || periods <= 0)
    throw new DomainError('TERM_NOT_POSITIVE', zhCN.TERM_NOT_POSITIVE);
  const first = input.firstPeriod ?? 1;
  const instalment =
    method === 'EQUAL_INSTALMENT'
      ? (input.keepPaymentFen ?? equalInstalmentFen(input.balanceFen, monthlyRate, periods))
      : 0;
  const principalEach =
    method === 'EQUAL_PRINCIPAL' ? (input.keepPrincipalFen ?? roundFen(new Dec(input.balanceFen).div(periods))) : 0;

  // Only the SHORTEN_TERM variants may finish before `periods`; otherwise every period gets a row.
  const stopEarly = input.keepPaymentFen !== undefined || input.keepPrincipalFen !== undefined;
  const rows: ScheduleRow[] = [];
  let balance = input.balanceFen;
  for (let i = 0; i < periods && (balance > 0 || !stopEarly); i++) {
    const baseInterest = new Dec(balance).times(monthlyRate);
    const interestFen = roundFen(
      i === 0 && input.firstPeriodExtraInterest ? baseInterest.plus(input.firstPeriodExtraInterest) : baseInterest,
    );
    let principalFen: number;
    if (method === 'EQUAL_INSTALMENT') principalFen = instalment - roundFen(baseInterest);
    else if (method === 'EQUAL_PRINCIPAL') principalFen = principalEach;
    else principalFen = 0;
    // The last row takes the residual; before it, never repay more than is owed (tiny loans).
    if (i === periods - 1 || (stopEarly && principalFen >= balance)) principalFen = balance;
    principalFen = Math.max(0, Math.min(principalFen, balance));
    balance -= principalFen;
    rows.push({
      period: first + i,
      dueDate: input.dueDate(i),
      principalFen,
      interestFen,
      paymentFen: principalFen + interestFen,
      balanceFen: balance,
    });
  }
  return rows;
}
