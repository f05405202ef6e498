import { buildMonthlySchedule } from './build';
import type { LoanTerms, Schedule } from './types';

export { equalInstalmentFen } from './amortise';

/**
 * 等额本息 (equal instalment). Instalment = P·r·(1+r)^n/((1+r)^n−1) rounded half-up to the fen,
 * r = annual/12; each row's interest = round(balance × r); principal = instalment − interest;
 * the last row pays the remaining balance (so its payment may differ by a few fen).
 */
export function equalInstalmentSchedule(terms: LoanTerms): Schedule {
  return buildMonthlySchedule('EQUAL_INSTALMENT', terms);
}
