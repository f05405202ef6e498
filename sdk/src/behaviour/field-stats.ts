import { createWelford, pushWelford, summarise, type Welford, type WelfordSummary } from './welford';

/** Per declared field. Only lengths and times ever reach here, never the value. */
export interface FieldStats {
  focusCount: number;
  dwellMs: number;
  focusedAt: number;
  inputEvents: number;
  /** Characters added one at a time (keystroke-like). */
  charsTyped: number;
  /** Characters added by events that added more than one (paste, autofill, IME commits). */
  pastedChars: number;
  pasteBursts: number;
  deletions: number;
  lastLength: number;
  firstInputAt: number;
  lastInputAt: number;
  interval: Welford;
}

export function createFieldStats(): FieldStats {
  return {
    focusCount: 0,
    dwellMs: 0,
    focusedAt: -1,
    inputEvents: 0,
    charsTyped: 0,
    pastedChars: 0,
    pasteBursts: 0,
    deletions: 0,
    lastLength: 0,
    firstInputAt: -1,
    lastInputAt: -1,
    interval: createWelford(),
  };
}

export function fieldFocus(f: FieldStats, at: number): void {
  if (f.focusedAt >= 0) f.dwellMs += Math.max(0, at - f.focusedAt); // focus without blur: close the open span
  f.focusCount++;
  f.focusedAt = at;
}

export function fieldBlur(f: FieldStats, at: number): void {
  if (f.focusedAt < 0) return;
  f.dwellMs += Math.max(0, at - f.focusedAt);
  f.focusedAt = -1;
}

export function fieldInput(f: FieldStats, length: number, at: number): void {
  const len = length > 0 ? length | 0 : 0;
  const delta = len - f.lastLength;
  f.inputEvents++;
  if (delta === 1) f.charsTyped++;
  else if (delta > 1) {
    // Note: a Chinese IME commit also adds several characters at once; the server knows which
    // fields are numeric (ID, phone, USCC) where that cannot happen.
    f.pasteBursts++;
    f.pastedChars += delta;
  } else if (delta < 0) f.deletions++;
  if (f.lastInputAt >= 0) pushWelford(f.interval, at - f.lastInputAt);
  else f.firstInputAt = at;
  f.lastInputAt = at;
  f.lastLength = len;
}

export interface FieldSummary {
  focusCount: number;
  dwellMs: number;
  inputEvents: number;
  charsTyped: number;
  pastedChars: number;
  finalLength: number;
  pasteBursts: number;
  deletions: number;
  /** First to last input event, ms. */
  fillMs: number;
  interval: WelfordSummary;
}

export function summariseField(f: FieldStats, now: number): FieldSummary {
  return {
    focusCount: f.focusCount,
    dwellMs: Math.round(f.dwellMs + (f.focusedAt >= 0 ? Math.max(0, now - f.focusedAt) : 0)),
    inputEvents: f.inputEvents,
    charsTyped: f.charsTyped,
    pastedChars: f.pastedChars,
    finalLength: f.lastLength,
    pasteBursts: f.pasteBursts,
    deletions: f.deletions,
    fillMs: f.firstInputAt >= 0 ? Math.round(f.lastInputAt - f.firstInputAt) : 0,
    interval: summarise(f.interval),
  };
}
