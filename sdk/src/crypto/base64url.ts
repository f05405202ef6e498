/**
 * Unpadded base64url (RFC 4648 §5), hand-written because the mini-program logic layer has no
 * `Buffer`/`atob`. Decoding is strict: padding, stray characters and non-zero trailing bits are
 * rejected, so every byte string has exactly one textual form and a flipped low bit in a token's
 * last character cannot decode to the same bytes (which would make tokens malleable).
 */
import { asciiText } from './bytes';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP: Int16Array = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/** The ASCII codes of the alphabet, by 6-bit value. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Characters of the unpadded encoding of `n` bytes. */
export const base64UrlLength = (n: number): number => Math.ceil((n * 4) / 3);

/**
 * Writes the encoding of `bytes` as ASCII codes into `out` from `at`. Codes, not a string: a token's
 * MAC covers these very bytes, so the sealer writes them once and makes the string from them.
 */
export function base64UrlEncodeInto(bytes: Uint8Array, out: Uint8Array, at: number): void {
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[at++] = CODES[v >>> 18];
    out[at++] = CODES[(v >>> 12) & 63];
    out[at++] = CODES[(v >>> 6) & 63];
    out[at++] = CODES[v & 63];
  }
  // 1 or 2 bytes left: 2 or 3 characters, no padding.
  if (i < n) {
    const v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
    out[at++] = CODES[v >>> 18];
    out[at++] = CODES[(v >>> 12) & 63];
    if (i + 1 < n) out[at] = CODES[(v >>> 6) & 63];
  }
}

export function base64UrlEncode(bytes: Uint8Array): string {
  const out = new Uint8Array(base64UrlLength(bytes.length));
  base64UrlEncodeInto(bytes, out, 0);
  return asciiText(out);
}

/** Throws `TypeError` on anything that is not canonical unpadded base64url. */
export function base64UrlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new TypeError('base64url: invalid length');
  const vals = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) throw new TypeError('base64url: invalid character');
    vals[i] = v;
  }
  const full = Math.floor(text.length / 4);
  const rest = text.length % 4;
  const out = new Uint8Array(full * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let i = 0;
  for (let g = 0; g < full; g++, i += 4) {
    const n = (vals[i] << 18) | (vals[i + 1] << 12) | (vals[i + 2] << 6) | vals[i + 3];
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (rest === 2) {
    if (vals[i + 1] & 15) throw new TypeError('base64url: non-canonical trailing bits');
    out[o++] = (vals[i] << 2) | (vals[i + 1] >>> 4);
  } else if (rest === 3) {
    if (vals[i + 2] & 3) throw new TypeError('base64url: non-canonical trailing bits');
    const n = (vals[i] << 10) | (vals[i + 1] << 4) | (vals[i + 2] >>> 2);
    out[o++] = n >>> 8;
    out[o++] = n & 255;
  }
  return out;
}

/** True if `text` is canonical base64url of exactly `byteLength` bytes. */
export function isBase64UrlOfLength(text: unknown, byteLength: number): text is string {
  if (typeof text !== 'string' || text.length !== base64UrlLength(byteLength)) return false;
  try {
    return base64UrlDecode(text).length === byteLength;
  } catch {
    return false;
  }
}

/**
 * Cheap canonical-form check for callers that decode with a lenient native decoder (Node's
 * `Buffer`): only the alphabet, a valid length and zero trailing bits make a canonical encoding.
 */
export function isCanonicalBase64Url(text: string): boolean {
  if (text.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(text)) return false;
  const rest = text.length % 4;
  if (rest === 0) return true;
  const last = LOOKUP[text.charCodeAt(text.length - 1)];
  return (last & (rest === 2 ? 15 : 3)) === 0;
}
