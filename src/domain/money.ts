import { Dec, type Dec as DecT } from './decimal';
import { DomainError } from './errors';
import { zhCN } from './messages.zh-CN';
import { assertFen, type Fen } from './fen';

// Formatting lives in format.ts (no decimal.js), the checks in fen.ts; both are part of this module's API.
export { assertFen, type Fen } from './fen';
export { formatWan, formatYuan, formatYuanText } from './format';

/** Rounds a Decimal amount of fen half-up (away from zero at .5) to an integer number of fen. */
export function roundFen(amount: DecT): Fen {
  const n = amount.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  assertFen(n, 'amount', true);
  return n;
}

/** '1234.56' | '1,234.5' | '-3' → fen. Rejects more than two decimals (no silent rounding). */
export function yuanToFen(yuan: string): Fen {
  const s = yuan.trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) throw new DomainError('MONEY_BAD_YUAN_STRING', zhCN.MONEY_BAD_YUAN_STRING);
  const fen = new Dec(s).times(100).toNumber();
  assertFen(fen, 'amount', true);
  return fen;
}

/** fen → plain yuan string with two decimals: 123456 → '1234.56'. */
export function fenToYuan(fen: Fen): string {
  assertFen(fen, 'amount', true);
  return new Dec(fen).div(100).toFixed(2);
}

/** Sum of fen amounts (checked to stay safe). */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) {
    assertFen(v, 'amount', true);
    total += v;
  }
  assertFen(total, 'amount', true);
  return total;
}
