import { ALLOWED_TERMS_MONTHS, DEFAULT_AMOUNT_LIMITS } from './validators/loan-limits';

/**
 * The credit loan product (经营快贷): one definition for what the bank's credit policy offers and
 * what the app shows and previews, so the home card can never promise other terms than the bank.
 */
export const CREDIT_LOAN_PRODUCT = {
  /** The standard annual simple rate of an offer (basis points); the decision states the actual one. */
  baseAnnualRateBp: 435,
  minLimitFen: DEFAULT_AMOUNT_LIMITS.minFen,
  maxLimitFen: DEFAULT_AMOUNT_LIMITS.maxFen,
  stepFen: DEFAULT_AMOUNT_LIMITS.stepFen,
  termMonths: ALLOWED_TERMS_MONTHS,
} as const;
