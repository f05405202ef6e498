// The loan product shown on the home screen. Rates are basis points and amounts integer fen,
// like everywhere else; the server's quote is the authority once the user applies.
export const creditLoanProduct = {
  minAnnualRateBps: 345,
  maxAnnualRateBps: 1200,
  minLimitFen: 1_000_000, // 1万元
  maxLimitFen: 100_000_000, // 100万元
  termMonths: [3, 6, 12, 24, 36],
} as const;
