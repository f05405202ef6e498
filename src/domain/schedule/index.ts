import { buildMonthlySchedule } from './build';
import type { AmortisingMethod, LoanTerms, Schedule } from './types';

export * from './types';
export { equalInstalmentSchedule, equalInstalmentFen } from './equal-instalment';
export { equalPrincipalSchedule } from './equal-principal';
export { interestFirstSchedule } from './interest-first';
export * from './revolving';

/** Schedule for any monthly amortising method (dispatch used by previews and the server). */
export function buildSchedule(method: AmortisingMethod, terms: LoanTerms): Schedule {
  return buildMonthlySchedule(method, terms);
}
