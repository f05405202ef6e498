import { Dec, type Dec as DecT } from './decimal';
import { DomainError } from './errors';
import { fieldNamesZhCN, unitsZhCN, zhCN, type FieldName } from './messages.zh-CN';

/** An amount of money in fen (分, 0.01 yuan). Always a safe integer. */
export type Fen = number;

/** Throws unless `value` is a safe integer number of fen (negative allowed only if `allowNegative`). */
export function assertFen(value: unknown, field: FieldName = 'amount', allowNegative = false): asserts value is Fen {
  const name = fieldNamesZhCN[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('MONEY_NOT_SAFE_INTEGER', zhCN.MONEY_NOT_SAFE_INTEGER(name));
  }
  if (!allowNegative && value < 0) throw new DomainError('MONEY_NEGATIVE', zhCN.MONEY_NEGATIVE(name));
}

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

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// The formatters below use integer arithmetic, not decimal.js: fen are safe integers, so dividing
// by 100 or 10,000 with Math.floor and % is exact, and the home screen and the tab pages (which only
// format) then ship without the decimal library (WeChat main package, H5 first load; issue 11).

/** 123456 → '¥1,234.56'; -5 → '-¥0.05'. */
export function formatYuan(fen: Fen): string {
  assertFen(fen, 'amount', true);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${groupThousands(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** 10000000 → '10万元'; 8530000 → '8.53万元'. At most two decimals (half-up), trailing zeros dropped. */
export function formatWan(fen: Fen): string {
  assertFen(fen, 'amount', true);
  const abs = Math.abs(fen);
  // Hundredths of 万元 (10,000 fen each), rounded half-up (away from zero).
  const hundredths = Math.floor(abs / 10_000) + (abs % 10_000 >= 5_000 ? 1 : 0);
  const cents = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const sign = fen < 0 && hundredths > 0 ? '-' : '';
  return unitsZhCN.wan(`${sign}${Math.floor(hundredths / 100)}${cents ? `.${cents}` : ''}`);
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

/** For sentences: 100000 → '1,000元'; 100050 → '1,000.50元'. */
export function formatYuanText(fen: Fen): string {
  const s = formatYuan(fen).replace('¥', '');
  return unitsZhCN.yuan(s.endsWith('.00') ? s.slice(0, -3) : s);
}
