/**
 * Stable token-rejection reason codes, in verification order. They are part of the public contract
 * (logged, counted by the risk engine, documented in PROTOCOL.md §6): never rename one.
 * A `const` object rather than an `enum` so unused codes tree-shake away and values are plain strings.
 */
export const ReasonCode = {
  /** Not four canonical base64url parts, header not the expected JSON shape, or wrong part sizes. */
  MALFORMED: 'MALFORMED',
  /** Protocol version or suite not on the verifier's allow-list (or not the session's suite). */
  SUITE_UNSUPPORTED: 'SUITE_UNSUPPORTED',
  /** No session with this id (never created, purged, or from another server). */
  SESSION_UNKNOWN: 'SESSION_UNKNOWN',
  /** Session past its expiry, or its server key has been retired. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  /** MAC does not match: tampered, truncated, or made with another session's keys. */
  MAC_INVALID: 'MAC_INVALID',
  /** Header timestamp outside the allowed window around server time. */
  TS_SKEW: 'TS_SKEW',
  /** This nonce has already been accepted in this session (replay). */
  REPLAY_NONCE: 'REPLAY_NONCE',
  /** Sequence number not greater than the last accepted one in this session. */
  SEQ_REWIND: 'SEQ_REWIND',
  /** Ciphertext did not decrypt to a payload of the expected shape. */
  PAYLOAD_INVALID: 'PAYLOAD_INVALID',
  /** Token not bound to the request (method, path, body) or the action/kind the verifier was given. */
  BIZ_MISMATCH: 'BIZ_MISMATCH',
  /** The token's risk session is bound to another customer than the one making this request. */
  SESSION_CUSTOMER_MISMATCH: 'SESSION_CUSTOMER_MISMATCH',
} as const;

export type ReasonCode = (typeof ReasonCode)[keyof typeof ReasonCode];

/** The codes in the order the verifier checks them. */
export const REASON_CODES_IN_ORDER: readonly ReasonCode[] = Object.values(ReasonCode);
