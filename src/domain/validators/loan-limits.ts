import { fail, ok } from '../errors';
import { formatYuanText } from '../money';
import { zhCN } from '../messages.zh-CN';
import type { ValidationResult } from './result';

export interface AmountLimits {
  /** Default 100,000 fen (1,000 yuan). */
  minFen?: number;
  /** Default 300,000,000 fen (3,000,000 yuan). */
  maxFen?: number;
  /** Amount must be a multiple of this; default 10,000 fen (whole hundred yuan). */
  stepFen?: number;
  /** The borrower's available credit limit, if known (checked after min/max). */
  availableFen?: number;
}

export const DEFAULT_AMOUNT_LIMITS = { minFen: 100_000, maxFen: 300_000_000, stepFen: 10_000 } as const;

/** Loan/drawdown amount in integer fen against min, max, available limit and step. */
export function validateLoanAmount(amountFen: number, limits: AmountLimits = {}): ValidationResult<number> {
  const minFen = limits.minFen ?? DEFAULT_AMOUNT_LIMITS.minFen;
  const maxFen = limits.maxFen ?? DEFAULT_AMOUNT_LIMITS.maxFen;
  const stepFen = limits.stepFen ?? DEFAULT_AMOUNT_LIMITS.stepFen;
  if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen)) {
    return fail('LOAN_AMOUNT_NOT_INTEGER_FEN', zhCN.LOAN_AMOUNT_NOT_INTEGER_FEN);
  }
  if (amountFen < minFen) return fail('LOAN_AMOUNT_TOO_LOW', zhCN.LOAN_AMOUNT_TOO_LOW(formatYuanText(minFen)));
  if (amountFen > maxFen) return fail('LOAN_AMOUNT_TOO_HIGH', zhCN.LOAN_AMOUNT_TOO_HIGH(formatYuanText(maxFen)));
  if (limits.availableFen !== undefined && amountFen > limits.availableFen) {
    return fail('LOAN_AMOUNT_OVER_AVAILABLE', zhCN.LOAN_AMOUNT_OVER_AVAILABLE(formatYuanText(limits.availableFen)));
  }
  if (amountFen % stepFen !== 0) return fail('LOAN_AMOUNT_STEP', zhCN.LOAN_AMOUNT_STEP(formatYuanText(stepFen)));
  return ok(amountFen);
}

export const ALLOWED_TERMS_MONTHS = [3, 6, 12, 24, 36] as const;

export function validateLoanTerm(
  months: number,
  allowed: readonly number[] = ALLOWED_TERMS_MONTHS,
): ValidationResult<number> {
  if (!allowed.includes(months)) return fail('LOAN_TERM_INVALID', zhCN.LOAN_TERM_INVALID(allowed.join('/')));
  return ok(months);
}

/** Business purposes a borrower may pick (经营用途); zh-CN labels in `purposeLabelsZhCN`. */
export const BUSINESS_PURPOSES = [
  'INVENTORY',
  'WORKING_CAPITAL',
  'EQUIPMENT',
  'PAYROLL',
  'BUSINESS_RENT',
  'UTILITIES_AND_TAX',
  'MARKETING',
  'RESUMPTION',
] as const;
export type BusinessPurpose = (typeof BUSINESS_PURPOSES)[number];

/** Purposes that are refused with a specific reason (regulators prohibit them for business loans). */
const HOUSING = new Set(['HOUSING', 'HOME_PURCHASE', 'DOWN_PAYMENT', 'REAL_ESTATE']);
const SECURITIES = new Set(['SECURITIES', 'STOCKS', 'FUTURES', 'FUNDS', 'WEALTH_MANAGEMENT', 'CRYPTO']);
const OTHER_PROHIBITED = new Set(['LENDING', 'GAMBLING', 'PERSONAL_CONSUMPTION']);

export function validateBusinessPurpose(code: string): ValidationResult<BusinessPurpose> {
  const c = (code ?? '').trim().toUpperCase();
  if (c === '') return fail('PURPOSE_EMPTY', zhCN.PURPOSE_EMPTY);
  if (HOUSING.has(c)) return fail('PURPOSE_HOUSING', zhCN.PURPOSE_HOUSING);
  if (SECURITIES.has(c)) return fail('PURPOSE_SECURITIES', zhCN.PURPOSE_SECURITIES);
  if (OTHER_PROHIBITED.has(c)) return fail('PURPOSE_PROHIBITED', zhCN.PURPOSE_PROHIBITED);
  if (!(BUSINESS_PURPOSES as readonly string[]).includes(c)) return fail('PURPOSE_UNKNOWN', zhCN.PURPOSE_UNKNOWN);
  return ok(c as BusinessPurpose);
}
