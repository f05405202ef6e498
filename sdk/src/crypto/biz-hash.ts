/**
 * `bizHash` (protocol v2, PROTOCOL.md §4.1): binds an action token to the whole business request
 * it travels with — HTTP method, the route path with its resource ids, and the JSON body — so a
 * repayment token sealed for loan A cannot pay on loan B and an edited amount breaks the binding.
 *
 *   canonicalRequest = METHOD "\n" path "\n" JCS(body)        (JCS(body) is empty when there is no body)
 *   bizHash          = base64url(H(UTF-8(canonicalRequest)))   (H = the suite's hash; SHA-256 for LJR1)
 *
 * Method and path can hold no line feed (their character sets below exclude it), so the two
 * separators are unambiguous and the body, last, may be anything JCS writes. A Java or Go verifier
 * reproduces it with one string concatenation and its RFC 8785 writer.
 */
import { canonicalJson } from './canonical-json';
import { utf8Encode } from './bytes';
import { base64UrlEncode } from './base64url';
import { sha256 } from './sha256';

/** The request an action token is bound to. */
export interface BoundRequest {
  /** HTTP method as sent, upper case: `POST`. */
  method: string;
  /**
   * The request path as sent — the route with its resource ids filled in, percent-encoded as on the
   * wire (`/api/loans/L-1/repay`) — without query string or fragment, and without a host.
   */
  path: string;
  /** The JSON body sent with the request; omit (undefined) for a request without a body. */
  body?: unknown;
}

/** Upper-case HTTP method token. */
export const BOUND_METHOD = /^[A-Z]{1,16}$/;
/** Absolute path of printable ASCII without space, `?` or `#`; at most 2048 characters. */
export const BOUND_PATH = /^\/[\x21\x22\x24-\x3e\x40-\x7e]{0,2047}$/;

/** The canonical request text; throws `TypeError` on a method or path outside the rules above. */
export function canonicalRequest(req: BoundRequest): string {
  if (typeof req !== 'object' || req === null) throw new TypeError('bizHash: request must be { method, path, body? }');
  if (typeof req.method !== 'string' || !BOUND_METHOD.test(req.method))
    throw new TypeError('bizHash: method must be the upper-case HTTP method, e.g. POST');
  if (typeof req.path !== 'string' || !BOUND_PATH.test(req.path))
    throw new TypeError('bizHash: path must be the request path as sent, starting with "/", without query or fragment');
  return `${req.method}\n${req.path}\n${req.body === undefined ? '' : canonicalJson(req.body)}`;
}

export function bizHash(req: BoundRequest, hash: (data: Uint8Array) => Uint8Array = sha256): string {
  return base64UrlEncode(hash(utf8Encode(canonicalRequest(req))));
}
