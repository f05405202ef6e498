import { CREDIT_LOAN_PRODUCT } from '../../domain';

// The rate the application preview uses before the bank decides: the product's standard rate,
// which the credit policy offers, so the preview matches a standard offer. The offer on the
// decision page is the authority.
export const INDICATIVE_ANNUAL_RATE = { bp: CREDIT_LOAN_PRODUCT.baseAnnualRateBp } as const;
