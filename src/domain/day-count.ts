import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { Dec, type Dec as DecT } from './decimal';
import { DomainError } from './errors';
import { zhCN } from './messages.zh-CN';
import { toRate, type RateInput } from './rate';

dayjs.extend(utc);

/** A calendar date 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string;

/** Day-count basis for day-based interest. ACT/360 is the default. */
export const DayCountBasis = { ACT_360: 'ACT/360', ACT_365: 'ACT/365' } as const;
export type DayCountBasis = (typeof DayCountBasis)[keyof typeof DayCountBasis];

export function daysInYear(basis: DayCountBasis): number {
  return basis === 'ACT/365' ? 365 : 360;
}

/** Parses a strict 'YYYY-MM-DD' into a UTC dayjs (UTC so DST never shifts a day). */
export function parseDate(value: IsoDate): dayjs.Dayjs {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new DomainError('DATE_BAD_FORMAT', zhCN.DATE_BAD_FORMAT(String(value)));
  }
  const d = dayjs.utc(value);
  if (!d.isValid() || d.format('YYYY-MM-DD') !== value) {
    throw new DomainError('DATE_BAD_FORMAT', zhCN.DATE_BAD_FORMAT(value));
  }
  return d;
}

export function formatDate(d: dayjs.Dayjs): IsoDate {
  return d.format('YYYY-MM-DD');
}

/** Actual days from `from` to `to` (counts the first day, not the last): 2024-01-31 → 2024-02-01 is 1. */
export function actualDays(from: IsoDate, to: IsoDate): number {
  return parseDate(to).diff(parseDate(from), 'day');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatDate(parseDate(date).add(days, 'day'));
}

/** Unrounded interest on `principalFen` for `days` at `annualRate` on `basis`. */
export function dayInterest(
  principalFen: number,
  annualRate: RateInput,
  days: number,
  basis: DayCountBasis = 'ACT/360',
): DecT {
  return new Dec(principalFen).times(toRate(annualRate)).times(days).div(daysInYear(basis));
}
