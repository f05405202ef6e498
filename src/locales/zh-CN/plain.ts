// The bank's technical labels, said in words an owner reads without a glossary (issue 9 point 20):
// the day-count basis and the APR method arrive from the bank as codes ("ACT/360", "按IRR计算").

/** "ACT/360" → how interest is counted, in words. Unknown bases are shown as sent. */
export function plainDayCount(basis: string): string {
  const m = /^ACT\/(360|365)$/.exec(basis.trim());
  return m ? `一年按${m[1]}天、按实际借款天数计息` : basis;
}

/** The APR's method: PBOC 2021 No. 3 asks for the rate on the principal actually outstanding (IRR). */
export const APR_METHOD = '按实际占用本金计算';

/** "按IRR计算（年化）" → the same in words. */
export function plainAprBasis(basis: string): string {
  return /IRR/i.test(basis) ? APR_METHOD : basis;
}
