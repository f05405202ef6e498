/**
 * Amounts and rates as the screens show them. Integer and digit-string arithmetic, not decimal.js:
 * fen are safe integers, so dividing by 100 or 10,000 with Math.floor and % is exact, and a rate is
 * rounded on its decimal digits. So the screens that only format (the tab pages, the home screen)
 * ship without the decimal library — the WeChat main package and the H5 first load (issue 11).
 * Property-tested against decimal.js in money.test.ts.
 */
import type { Dec as DecT } from './decimal';
import { DomainError } from './errors';
import { assertFen, type Fen } from './fen';
import { unitsZhCN, zhCN } from './messages.zh-CN';
import type { RateInput } from './rate';

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

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

/** For sentences: 100000 → '1,000元'; 100050 → '1,000.50元'. */
export function formatYuanText(fen: Fen): string {
  const s = formatYuan(fen).replace('¥', '');
  return unitsZhCN.yuan(s.endsWith('.00') ? s.slice(0, -3) : s);
}

/** '0.0435' → '4.35%'. `decimals` fixed (half-up). */
export function formatRatePercent(rate: RateInput, decimals = 2): string {
  return `${roundHalfUp(shiftPoint(plainRate(rate), 2), decimals)}%`;
}

/** The rate as a plain non-negative decimal string ('0.0435'), refused exactly as rate.ts's toRate refuses it. */
function plainRate(input: RateInput): string {
  if (typeof input === 'string') {
    const s = input.trim();
    if (!/^\d+(\.\d+)?$/.test(s)) throw new DomainError('RATE_BAD_FORMAT', zhCN.RATE_BAD_FORMAT);
    return s;
  }
  if (input && typeof input === 'object' && 'bp' in input && Number.isSafeInteger(input.bp)) {
    if (input.bp < 0) throw new DomainError('RATE_NEGATIVE', zhCN.RATE_NEGATIVE);
    const digits = String(input.bp).padStart(5, '0');
    return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
  }
  // A Decimal (the APR the domain computes): toFixed() without arguments never uses exponents.
  const d = input as Partial<DecT> | null;
  if (d && typeof d.toFixed === 'function' && typeof d.isNeg === 'function' && typeof d.isFinite === 'function') {
    if (!d.isFinite()) throw new DomainError('RATE_BAD_FORMAT', zhCN.RATE_BAD_FORMAT);
    if (d.isNeg()) throw new DomainError('RATE_NEGATIVE', zhCN.RATE_NEGATIVE);
    return d.toFixed();
  }
  throw new DomainError('RATE_BAD_FORMAT', zhCN.RATE_BAD_FORMAT);
}

/** '0.0435' shifted 2 places → '4.35' (multiplies a plain decimal string by 10^places). */
function shiftPoint(plain: string, places: number): string {
  const [int, frac = ''] = plain.split('.');
  const padded = frac.padEnd(places, '0');
  return `${int}${padded.slice(0, places)}.${padded.slice(places)}`;
}

/** A plain non-negative decimal string rounded half-up (ties away from zero) to `decimals` places. */
function roundHalfUp(plain: string, decimals: number): string {
  const [int, frac = ''] = plain.split('.');
  let digits = `${int}${frac.slice(0, decimals).padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  if ((frac[decimals] ?? '0') >= '5') {
    // Add one unit in the last kept place, carrying through nines.
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === '9') i--;
    digits =
      i < 0
        ? `1${'0'.repeat(digits.length)}`
        : `${digits.slice(0, i)}${+digits[i] + 1}${'0'.repeat(digits.length - i - 1)}`;
  }
  digits = digits.padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  return decimals > 0 ? `${whole}.${digits.slice(digits.length - decimals)}` : whole;
}
