import { formatDate, parseDate, type IsoDate } from './day-count';

/**
 * The due date `k` months after `startDate`, anchored on the start's day of month and clamped
 * to the month's end: start 2024-01-31 → 2024-02-29, 2024-03-31, 2024-04-30 …
 * (always computed from the start, never from the previous due date, so the 31st comes back).
 */
export function dueDateAt(startDate: IsoDate, k: number): IsoDate {
  return formatDate(parseDate(startDate).add(k, 'month'));
}

/** Due dates of periods 1..n. */
export function dueDates(startDate: IsoDate, n: number): IsoDate[] {
  return Array.from({ length: n }, (_, i) => dueDateAt(startDate, i + 1));
}

/**
 * Moves a due date by `months`, keeping the loan's due day (`anchorDay`, the start date's day of
 * month) and clamping to month end: ('2024-02-29', 1, 31) → '2024-03-31'.
 */
export function shiftDueDate(date: IsoDate, months: number, anchorDay: number): IsoDate {
  const d = parseDate(date).date(1).add(months, 'month');
  return formatDate(d.date(Math.min(anchorDay, d.daysInMonth())));
}
