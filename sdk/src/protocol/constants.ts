/**
 * Wire constants of the protocol. Changing any of these is a protocol version bump.
 * v2: `bh` binds method + path + body (v1 bound the body only), strict canonical headers.
 */
export const PROTOCOL_VERSION = 2 as const;

/** The default suite: X25519 key agreement, HKDF/HMAC-SHA256, AES-256-CBC (encrypt-then-MAC). */
export const DEFAULT_SUITE = 'LJR1-X25519-HMAC-SHA256-AES256CBC' as const;

/** HTTP path the client POSTs its handshake request to. */
export const HANDSHAKE_PATH = '/risk/handshake' as const;

/** Sizes in bytes of the random values every suite uses. */
export const NONCE_BYTES = 16;
export const HANDSHAKE_NONCE_BYTES = 16;
export const SESSION_ID_BYTES = 16;

/** HKDF and key-confirmation labels (ASCII), see PROTOCOL.md §3. */
export const LABEL_SESSION_KEYS = 'LJR1 session keys';
export const LABEL_KEY_CONFIRMATION = 'LJR1 key confirmation';

/** Token kinds: background telemetry batches, or an action the app is about to perform. */
export const TOKEN_KINDS = ['telemetry', 'action'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Action names: lower-case dotted identifiers such as `loan.apply`, `contract.sign`. */
export const ACTION_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;

/** Upper bound on a token's text length; longer input is refused before any parsing work. */
export const MAX_TOKEN_LENGTH = 256 * 1024;
