/** Scenario times: `HH:MM` or `Nd HH:MM`, in Beijing time on the scenario's date. */

const MINUTE = 60_000;
const BEIJING_OFFSET_MS = 8 * 60 * MINUTE;

/** Minutes after the scenario day's 00:00. */
export function parseTimeOfDay(text: string): number {
  const m = /^(?:(\d+)d )?(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a scenario time: ${text}`);
  return Number(m[1] ?? 0) * 1440 + Number(m[2]) * 60 + Number(m[3]);
}

/** Unix ms of 00:00 Beijing time on `date` (YYYY-MM-DD). */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS;
}

/** Unix ms of a scenario time. */
export function scenarioInstant(date: string, text: string): number {
  return dayStart(date) + parseTimeOfDay(text) * MINUTE;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` (or `HH:MM:SS`) Beijing time of an instant, with `+Nd` when it is on a later day than `date`. */
export function formatClock(date: string, at: number, seconds = false): string {
  const s = Math.floor((at - dayStart(date)) / 1000);
  const days = Math.floor(s / 86_400);
  const d = s - days * 86_400;
  const text = `${two(Math.floor(d / 3600))}:${two(Math.floor(d / 60) % 60)}${seconds ? `:${two(d % 60)}` : ''}`;
  return days > 0 ? `${text}+${days}d` : text;
}
