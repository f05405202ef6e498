/** Crypto primitives of the risk SDK: platform-neutral (crypto-js + @noble/curves), no Node built-ins. */
export { base64UrlEncode, base64UrlDecode, isBase64UrlOfLength, isCanonicalBase64Url } from './base64url';
export {
  utf8Encode,
  utf8Decode,
  asciiBytes,
  concatBytes,
  lengthPrefixed,
  u64be,
  isAllZero,
  bytesToHex,
  hexToBytes,
} from './bytes';
export { constantTimeEqual, constantTimeEqualString } from './constant-time';
export { createRandomPool, RandomSourceError } from './random-pool';
export type { RandomFill, RandomPool, RandomPoolOptions } from './random-pool';
export { sha256 } from './sha256';
export { hmacSha256 } from './hmac-sha256';
export { hkdfSha256 } from './hkdf-sha256';
export type { HmacFn } from './hkdf-sha256';
export { aes256CbcEncrypt, aes256CbcDecrypt } from './aes-256-cbc';
export { x25519GenerateKeyPair, x25519PublicKey, x25519SharedSecret } from './x25519';
export type { X25519KeyPair } from './x25519';
export { canonicalJson, CanonicalJsonError } from './canonical-json';
export { bizHash, canonicalRequest, BOUND_METHOD, BOUND_PATH } from './biz-hash';
export type { BoundRequest } from './biz-hash';
