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

export { formatRatePercent } from './format';
