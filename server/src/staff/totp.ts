import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with node:crypto HMAC: the second factor of staff logins.
 * Any authenticator app reads the otpauth URL; the sandbox also shows the current code on a dev route.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  /** Seconds per time step. Default 30. */
  step?: number;
  /** Default 6. */
  digits?: number;
  /** Default sha1 (what authenticator apps assume). */
  algorithm?: TotpAlgorithm;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (the form otpauth URLs carry). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Accepts lower case, spaces and `=` padding, as people type secrets. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new TypeError('base32: invalid character');
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 §4 recommends at least 128 bits; 160 matches SHA-1's block use). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** HOTP value of one counter (RFC 4226 §5.3: dynamic truncation). */
export function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac(algorithm, key).update(msg).digest();
  const offset = h[h.length - 1] & 0xf;
  const bin = ((h[offset] & 0x7f) << 24) | (h[offset + 1] << 16) | (h[offset + 2] << 8) | h[offset + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** The time step of an instant (Unix ms). */
export function totpStep(atMs: number, step = 30): number {
  return Math.floor(atMs / 1000 / step);
}

export function totp(key: Uint8Array, atMs: number, opts: TotpOptions = {}): string {
  return hotp(key, totpStep(atMs, opts.step), opts.digits, opts.algorithm);
}

/**
 * Checks a code against the steps around `atMs` (±`window` steps for clock drift, RFC 6238 §5.2)
 * and returns the matching step, or null. Steps at or before `afterStep` are refused, so a code is
 * accepted once. Every candidate is compared in constant time.
 */
export function verifyTotp(
  key: Uint8Array,
  code: string,
  atMs: number,
  opts: TotpOptions & { window?: number; afterStep?: number } = {},
): number | null {
  const digits = opts.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const now = totpStep(atMs, opts.step);
  const window = opts.window ?? 1;
  let found: number | null = null;
  for (let s = now - window; s <= now + window; s++) {
    const expected = Buffer.from(hotp(key, s, digits, opts.algorithm));
    if (timingSafeEqual(expected, Buffer.from(code)) && found === null && s > (opts.afterStep ?? -1)) found = s;
  }
  return found;
}

/** Key URI for authenticator apps (Google Authenticator's otpauth format). */
export function otpauthUrl(opts: { issuer: string; account: string; secret: string }): string {
  const label = encodeURIComponent(`${opts.issuer}:${opts.account}`);
  const q = new URLSearchParams({
    secret: opts.secret,
    issuer: opts.issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}
