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
  return (kind, value) =>
    createHmac('sha256', identityKey).update(`${kind}\0${value}`).digest('base64url').slice(0, 22);
}

/**
 * UUIDv7 (RFC 9562): 48-bit Unix ms from the engine clock, a 12-bit counter within the same
 * millisecond (method 1, so one instance's ids sort in decision order even on a simulated clock that
 * stands still), then CSPRNG bits.
 */
export function createUuidv7(random: (n: number) => Buffer): (at: number) => string {
  let lastMs = -1;
  let seq = 0;
  return (at) => {
    const ms = Math.max(0, Math.floor(at));
    // A fresh millisecond starts the counter low and random, leaving room to count up within it.
    const b = random(16);
    seq = ms === lastMs ? seq + 1 : b[7] & 0x3ff;
    if (seq > 0xfff) throw new Error('uuidv7: more than 4096 ids in one millisecond');
    lastMs = ms;
    // 48 bits fit a double exactly; arithmetic instead of BigInt keeps the file ES2017-clean for the app's tsc.
    for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
    b[6] = 0x70 | (seq >> 8);
    b[7] = seq & 0xff;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}
