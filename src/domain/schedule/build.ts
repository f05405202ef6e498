import { dueDateAt } from '../due-dates';
import { monthlyRate } from '../rate';
import { amortise } from './amortise';
import { makeSchedule, type AmortisingMethod, type LoanTerms, type Schedule } from './types';

/** Builds the original schedule of a monthly amortising loan. */
export function buildMonthlySchedule(method: AmortisingMethod, terms: LoanTerms): Schedule {
  const rows = amortise({
    method,
    balanceFen: terms.principalFen,
    monthlyRate: monthlyRate(terms.annualRate),
    periods: terms.termMonths,
    dueDate: (i) => dueDateAt(terms.startDate, i + 1),
  });
  return makeSchedule(method, rows);
}
