/**
 * Defensive readers for the decrypted token payload. The MAC proves the payload came from a
 * session's holder, not that it came from our SDK: a gang holding its own session keys can seal
 * any JSON. So every read checks shape and type, and anything unexpected reads as null — never a
 * throw, never NaN or Infinity (they would poison sums and comparisons downstream).
 */

export type Rec = Readonly<Record<string, unknown>>;

/** A plain JSON object, or null (arrays, primitives and null are not records). */
export const rec = (x: unknown): Rec | null =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Rec) : null;

/** An own property only: `constructor`, `toString` and `__proto__` from the prototype never read as data. */
export const prop = (o: Rec | null, key: string): unknown =>
  o !== null && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

export const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A finite number ≥ 0 (counts, durations, sizes). */
export const count = (x: unknown): number | null => {
  const n = finite(x);
  return n !== null && n >= 0 ? n : null;
};

export const flag = (x: unknown): boolean | null => (typeof x === 'boolean' ? x : null);

/** A trimmed, bounded string; empty reads as null. */
export const text = (x: unknown, max = 128): string | null => {
  if (typeof x !== 'string') return null;
  const t = x.trim().slice(0, max);
  return t === '' ? null : t;
};

/**
 * The value of one collector result in the snapshot (`{value, duration}`), or undefined when the
 * collector failed (`{error, duration}`), was not run, or the entry is malformed.
 */
export const signalValue = (device: Rec | null, signal: string): unknown => {
  const entry = rec(prop(device, signal));
  if (entry === null || prop(entry, 'error') !== undefined) return undefined;
  return prop(entry, 'value');
};

/** Sum of finite parts, or null when the total overflows (a crafted payload can claim 1e308 twice). */
export const finiteSum = (parts: readonly number[]): number | null => {
  let s = 0;
  for (const p of parts) s += p;
  return Number.isFinite(s) ? s : null;
};

/** a / b when both are finite and the quotient is too (a crafted 1e308 / 0.5 is not), else null. */
export const ratio = (a: number, b: number): number | null => {
  const q = a / b;
  return b !== 0 && Number.isFinite(q) ? q : null;
};

/** Rounded for a tidy decision record; a value too large to scale is returned as it is. */
export const round = (x: number, digits: number): number => {
  const k = 10 ** digits;
  const y = Math.round(x * k) / k;
  return Number.isFinite(y) ? y : x;
};
