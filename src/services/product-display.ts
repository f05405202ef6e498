import { creditLoanProduct } from './product';

// Display strings for the product card. Formatting itself is the domain's (one implementation).
export function productRateRange(): string {
  const p = creditLoanProduct;
  return `${(p.minAnnualRateBps / 100).toFixed(2)}%–${(p.maxAnnualRateBps / 100).toFixed(2)}%`;
}

export function productLimitRange(): string {
  const p = creditLoanProduct;
  return `${p.minLimitFen / 1_000_000}万–${p.maxLimitFen / 1_000_000}万元`;
}
