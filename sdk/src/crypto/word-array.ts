/** Conversions between `Uint8Array` and crypto-js `WordArray` (big-endian 32-bit words). */
import CryptoJS from 'crypto-js/core';

export type WordArray = CryptoJS.lib.WordArray;

export function bytesToWordArray(bytes: Uint8Array): WordArray {
  const words: number[] = new Array((bytes.length + 3) >>> 2).fill(0);
  for (let i = 0; i < bytes.length; i++) words[i >>> 2] |= bytes[i] << (24 - (i % 4) * 8);
  return CryptoJS.lib.WordArray.create(words, bytes.length);
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
