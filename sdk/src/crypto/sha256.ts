/** SHA-256 via crypto-js (runs in the mini-program logic layer, which has no SubtleCrypto). */
import SHA256 from 'crypto-js/sha256';
import { bytesToWordArray, wordArrayToBytes } from './word-array';

export function sha256(data: Uint8Array): Uint8Array {
  return wordArrayToBytes(SHA256(bytesToWordArray(data)));
}
