import { CREDIT_LOAN_PRODUCT, formatRatePercent, formatWan, formatYuanText, type Fen } from '../domain';

// Display strings for the product card, from the product the bank's credit policy offers and
// formatted by the shared domain code (one implementation of each).
export function productRate(): string {
  return formatRatePercent({ bp: CREDIT_LOAN_PRODUCT.baseAnnualRateBp });
}

/** 万元 from 1万 up, whole yuan below it (0.1万元 reads oddly). */
const short = (fen: Fen) => (fen < 1_000_000 ? formatYuanText(fen) : formatWan(fen));

export function productLimitRange(): string {
  return `${short(CREDIT_LOAN_PRODUCT.minLimitFen)}–${short(CREDIT_LOAN_PRODUCT.maxLimitFen)}`;
}

export function productTermRange(): string {
  const terms = CREDIT_LOAN_PRODUCT.termMonths;
  return `${terms[0]}–${terms[terms.length - 1]}`;
}
