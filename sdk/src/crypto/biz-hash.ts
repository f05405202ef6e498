/**
 * `bizHash`: binds a token to the exact business request it travels with (a MITM that edits the
 * loan amount in the body breaks the binding). Defined as base64url(H(UTF-8(RFC 8785 JSON(body))))
 * where H is the suite's hash (SHA-256 for LJR1).
 */
import { canonicalJson } from './canonical-json';
import { utf8Encode } from './bytes';
import { base64UrlEncode } from './base64url';
import { sha256 } from './sha256';

export function bizHash(body: unknown, hash: (data: Uint8Array) => Uint8Array = sha256): string {
  return base64UrlEncode(hash(utf8Encode(canonicalJson(body))));
}
