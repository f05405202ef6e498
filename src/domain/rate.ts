import { Dec, isDecimal, type Dec as DecT } from './decimal';
import { DomainError } from './errors';
import { zhCN } from './messages.zh-CN';

/**
 * An annual rate: a decimal string ('0.0435'), a Decimal, or basis points ({ bp: 435 }).
 * Plain JS numbers are refused on purpose: 0.0435 as a float is already rounded once.
 */
export type RateInput = string | DecT | { bp: number };

export function toRate(input: RateInput): DecT {
  let r: DecT;
  if (typeof input === 'string') {
    if (!/^\d+(\.\d+)?$/.test(input.trim())) throw new DomainError('RATE_BAD_FORMAT', zhCN.RATE_BAD_FORMAT);
    r = new Dec(input.trim());
  } else if (isDecimal(input)) {
    r = new Dec(input);
  } else if (input && typeof input === 'object' && Number.isSafeInteger(input.bp)) {
    r = new Dec(input.bp).div(10_000);
  } else {
    throw new DomainError('RATE_BAD_FORMAT', zhCN.RATE_BAD_FORMAT);
  }
  if (r.isNeg()) throw new DomainError('RATE_NEGATIVE', zhCN.RATE_NEGATIVE);
  return r;
}

/** Basis points → decimal string: 435 → '0.0435'. */
export function bpToRate(bp: number): string {
  return toRate({ bp }).toString();
}

/** Monthly periodic rate for monthly periods (30/360): annual / 12, unrounded. */
export function monthlyRate(annual: RateInput): DecT {
  return toRate(annual).div(12);
}

/** '0.0435' → '4.35%'. `decimals` fixed (half-up). */
export function formatRatePercent(rate: RateInput, decimals = 2): string {
  return `${roundHalfUp(shiftPoint(plainRate(rate), 2), decimals)}%`;
}

// Formatting a rate works on its decimal digits as a string, without decimal.js, so the screens
// that only show a rate do not ship the library (see money.ts); the checks are toRate's.

/** The rate as a plain non-negative decimal string ('0.0435'), refused exactly as toRate refuses it. */
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
