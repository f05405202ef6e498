/** HKDF-SHA256 (RFC 5869), extract-then-expand, on top of the crypto-js HMAC. */
import { hmacSha256 } from './hmac-sha256';
import { concatBytes } from './bytes';

const HASH_LEN = 32;

export type HmacFn = (key: Uint8Array, data: Uint8Array) => Uint8Array;

/**
 * Derives `length` bytes. `hmac` is injectable so the Node verifier can run the very same
 * construction with `node:crypto` and stay byte-identical.
 */
export function hkdfSha256(
  ikm: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
  length: number,
  hmac: HmacFn = hmacSha256,
): Uint8Array {
  if (!Number.isInteger(length) || length <= 0 || length > 255 * HASH_LEN) throw new RangeError('hkdf: invalid length');
  // RFC 5869 §2.2: an absent salt is HashLen zero bytes.
  const prk = hmac(salt.length > 0 ? salt : new Uint8Array(HASH_LEN), ikm);
  const blocks: Uint8Array[] = [];
  let prev: Uint8Array = new Uint8Array(0);
  for (let i = 1, have = 0; have < length; i++) {
    prev = hmac(prk, concatBytes(prev, info, Uint8Array.of(i)));
    blocks.push(prev);
    have += prev.length;
  }
  return concatBytes(...blocks).slice(0, length);
}
