/** HMAC-SHA256 (RFC 2104) via crypto-js, on raw bytes; keys are never strings or passphrases. */
import HmacSHA256 from 'crypto-js/hmac-sha256';
import { bytesToWordArray, wordArrayToBytes } from './word-array';

export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return wordArrayToBytes(HmacSHA256(bytesToWordArray(data), bytesToWordArray(key)));
}
