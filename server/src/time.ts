import { actualDays, addDays, parseDate } from './domain';

// The bank runs on China Standard Time (UTC+8, no daylight saving): business dates (due dates,
// "today") are CST calendar dates, and every timestamp we send carries the explicit +08:00 offset.
// Calendar arithmetic itself is the shared domain's (addDays, actualDays, parseDate).
const OFFSET_MS = 8 * 3_600_000;

/** ISO-8601 with the +08:00 offset, e.g. 2026-11-26T19:30:00.000+08:00. Accepts Date or DB values. */
export function isoTime(value: Date | string | number): string {
  const ms = new Date(value as string).getTime();
  return new Date(ms + OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The CST calendar date (YYYY-MM-DD) of an instant. */
export function businessDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
}

export { actualDays, addDays };
