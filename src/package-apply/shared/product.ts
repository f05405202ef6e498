// The rate the application preview uses before the bank decides: the credit policy's base rate
// (server/src/services/underwriting/credit-policy.ts), so the preview matches a standard offer.
// The offer on the decision page is the authority.
export const INDICATIVE_ANNUAL_RATE = { bp: 435 } as const;
