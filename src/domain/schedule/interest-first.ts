import { buildMonthlySchedule } from './build';
import type { LoanTerms, Schedule } from './types';

/** 先息后本 (interest first). Each month round(P × annual/12); all principal in the last row. */
export function interestFirstSchedule(terms: LoanTerms): Schedule {
  return buildMonthlySchedule('INTEREST_FIRST', terms);
}
