import { buildMonthlySchedule } from './build';
import type { LoanTerms, Schedule } from './types';

/**
 * 等额本金 (equal principal). Principal each row = round(P / n); the last row takes the residual;
 * interest = round(balance before the row × annual/12).
 */
export function equalPrincipalSchedule(terms: LoanTerms): Schedule {
  return buildMonthlySchedule('EQUAL_PRINCIPAL', terms);
}
