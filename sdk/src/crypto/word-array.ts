/** Conversions between `Uint8Array` and crypto-js `WordArray` (big-endian 32-bit words). */
import CryptoJS from 'crypto-js/core';

export type WordArray = CryptoJS.lib.WordArray;

/**
 * `new WordArray.init(words, sigBytes)`, as crypto-js's own encoders build word arrays. Not
 * `WordArray.create(…)`: that derives a fresh subtype (a new prototype and closure) for every
 * array, which made each seal allocate more and left crypto-js's property accesses megamorphic —
 * AES and HMAC then ran ~1.5× slower on our arrays than on crypto-js's own.
 */
const WordArrayOf = (
  CryptoJS.lib.WordArray as unknown as { init: new (words: number[], sigBytes: number) => WordArray }
).init;

export function bytesToWordArray(bytes: Uint8Array): WordArray {
  const n = bytes.length;
  const words: number[] = new Array((n + 3) >> 2);
  let i = 0;
  // Whole words first, then the 1–3 byte tail.
  for (; i + 3 < n; i += 4)
    words[i >> 2] = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
  if (i < n) {
    let w = 0;
    for (let k = 0; i + k < n; k++) w |= bytes[i + k] << (24 - k * 8);
    words[i >> 2] = w;
  }
  return new WordArrayOf(words, n);
}

export function wordArrayToBytes(wa: WordArray): Uint8Array {
  const n = wa.sigBytes;
  const words = wa.words;
  const out = new Uint8Array(n);
  const whole = n & ~3;
  // Four bytes per word in the hot loop; only the tail goes byte by byte.
  for (let i = 0; i < whole; i += 4) {
    const w = words[i >>> 2];
    out[i] = w >>> 24;
    out[i + 1] = (w >>> 16) & 255;
    out[i + 2] = (w >>> 8) & 255;
    out[i + 3] = w & 255;
  }
  for (let i = whole; i < n; i++) out[i] = (words[i >>> 2] >>> (24 - (i % 4) * 8)) & 255;
  return out;
}
