import type { AmortisingMethod } from '../../domain';

/** The contract's `terms` object as the bank writes it (services/contracts.ts createContract). */
export interface ContractTerms {
  limitFen: number;
  annualRate: string;
  termMonths: number;
  method: AmortisingMethod;
  dayCount: string;
  feesFen: number;
  penaltyRule: string;
  prepaymentRule: string;
  dayCountRule: string;
  feesRule: string;
  offerValidUntil: string;
}

/** The API types `terms` as an open object; read it once, here. */
export function contractTerms(terms: Record<string, unknown>): ContractTerms {
  return terms as unknown as ContractTerms;
}
