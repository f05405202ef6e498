/**
 * Keyed hashes of everything that identifies a person, a device or a network: the store and the
 * decision records hold only these (HMAC-SHA256 under the bank's identity key, 128 bits,
 * base64url), so a leaked table links nothing to a person without the key, and equal values still
 * count together. Each kind is a separate domain: a phone and an account with the same digits differ.
 */
import { createHmac } from 'node:crypto';

export type KeyedHash = (kind: string, value: string) => string;

export function createKeyedHash(identityKey: string): KeyedHash {
  if (typeof identityKey !== 'string' || Buffer.byteLength(identityKey) < 16)
    throw new TypeError('risk engine: identityKey must be a secret of at least 16 bytes');
  return (kind, value) => createHmac('sha256', identityKey).update(`${kind}\0${value}`).digest('base64url').slice(0, 22);
}

/** UUIDv7 (RFC 9562): 48-bit Unix ms from the engine clock, then CSPRNG bits — ids sort by decision time. */
export function uuidv7(at: number, random: (n: number) => Buffer): string {
  const b = random(16);
  const ms = BigInt(Math.max(0, Math.floor(at)));
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
