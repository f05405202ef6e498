import { formatRatePercent, formatWan } from '../domain';
import { creditLoanProduct } from './product';

// Display strings for the product card, formatted by the shared domain code (one implementation).
export function productRateRange(): string {
  const p = creditLoanProduct;
  return `${formatRatePercent({ bp: p.minAnnualRateBps })}–${formatRatePercent({ bp: p.maxAnnualRateBps })}`;
}

export function productLimitRange(): string {
  const p = creditLoanProduct;
  return `${formatWan(p.minLimitFen)}–${formatWan(p.maxLimitFen)}`;
}
