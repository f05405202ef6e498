/**
 * Token layout (PROTOCOL.md §4):  b64url(header) "." b64url(iv) "." b64url(ciphertext) "." b64url(mac)
 *
 *   header     = UTF-8 of the RFC 8785 canonical JSON of {act, bh, kind, nonce, seq, sid, suite, ts, v};
 *                a verifier refuses any other spelling of it (see `parseToken`)
 *   ciphertext = Enc(encKey, iv, UTF-8 of canonical JSON of {dt, p})   (p = payload, dt = raw device time)
 *   mac        = MAC(macKey, ASCII of the first three parts joined by ".")   (encrypt-then-MAC)
 *
 * The MAC covers the exact transmitted characters, so the verifier never has to re-serialise
 * anything before checking it.
 */
import type { CipherSuite } from './suite';
import {
  ACTION_PATTERN,
  MAX_TOKEN_LENGTH,
  NONCE_BYTES,
  SESSION_ID_BYTES,
  TOKEN_KINDS,
  type TokenKind,
} from './constants';
import { canonicalJson } from '../crypto/canonical-json';
import { asciiBytes, asciiText, utf8Encode } from '../crypto/bytes';
import { base64UrlEncode, base64UrlEncodeInto, base64UrlLength, isBase64UrlOfLength } from '../crypto/base64url';
import { jsCodec, type BinaryCodec } from './codec';

// A type alias, not an interface: a verified header is then assignable to `Record<string, unknown>`
// (the engine's `VerifiedToken.header`), so `engine.decide({ token: { header: r.header, … } })` compiles.
export type TokenHeader = {
  /** Protocol version. */
  v: number;
  /** Suite name. */
  suite: string;
  /** Session id from the handshake. */
  sid: string;
  /** Per-session sequence number, starts at 1, strictly increasing. */
  seq: number;
  /** Server-corrected Unix time in ms when the token was sealed. */
  ts: number;
  /** 16 random bytes, base64url. */
  nonce: string;
  kind: TokenKind;
  /** Action name for `action` tokens, `null` for telemetry. */
  act: string | null;
  /** `bizHash` of the request (method, path, body) for `action`; `null` for telemetry. */
  bh: string | null;
};

/** The encrypted payload envelope. */
export interface PayloadEnvelope {
  /** The SDK payload (signals, behaviour, events). */
  p: unknown;
  /** Raw device clock (Unix ms) at sealing: a signal in its own right (clock tampering). */
  dt: number;
}

const HEADER_KEYS = ['act', 'bh', 'kind', 'nonce', 'seq', 'sid', 'suite', 'ts', 'v'];
const B64URL_PART = /^[A-Za-z0-9_-]+$/;

export interface ParsedToken {
  header: TokenHeader;
  /** The characters the MAC covers: `parts[0].parts[1].parts[2]`. */
  signedText: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  mac: Uint8Array;
}

export type ParseResult = { ok: true; token: ParsedToken } | { ok: false; message: string };

/** Checks a decoded header object's exact shape and field types (not the version/suite allow-list). */
export function checkHeaderShape(h: unknown): string | null {
  if (typeof h !== 'object' || h === null || Array.isArray(h)) return 'header is not a JSON object';
  const o = h as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  if (keys.length !== HEADER_KEYS.length || keys.some((k, i) => k !== HEADER_KEYS[i]))
    return 'header fields are not exactly ' + HEADER_KEYS.join(',');
  if (!Number.isSafeInteger(o.v) || (o.v as number) < 1) return 'bad v';
  if (typeof o.suite !== 'string' || o.suite.length === 0 || o.suite.length > 64) return 'bad suite';
  if (!isBase64UrlOfLength(o.sid, SESSION_ID_BYTES)) return 'bad sid';
  if (!Number.isSafeInteger(o.seq) || (o.seq as number) < 1) return 'bad seq';
  if (!Number.isSafeInteger(o.ts) || (o.ts as number) < 0) return 'bad ts';
  if (!isBase64UrlOfLength(o.nonce, NONCE_BYTES)) return 'bad nonce';
  if (!TOKEN_KINDS.includes(o.kind as TokenKind)) return 'bad kind';
  if (o.kind === 'action' ? typeof o.act !== 'string' || !ACTION_PATTERN.test(o.act) : o.act !== null)
    return 'bad act for kind';
  if (o.kind === 'action' ? typeof o.bh !== 'string' || o.bh.length > 128 || !B64URL_PART.test(o.bh) : o.bh !== null)
    return 'bad bh for kind';
  return null;
}

/** RFC 8785 text, or null for a value that has none (a lone surrogate in `suite`). */
function canonicalOrNull(value: unknown): string | null {
  try {
    return canonicalJson(value);
  } catch {
    return null;
  }
}

/** Structural parse. Suite-dependent sizes (IV, MAC, block) are checked by the verifier once it knows the suite. */
export function parseToken(token: unknown, codec: BinaryCodec = jsCodec): ParseResult {
  if (typeof token !== 'string') return { ok: false, message: 'token is not a string' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, message: 'token too long' };
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, message: `expected 4 parts, got ${parts.length}` };
  if (parts.some((p) => !B64URL_PART.test(p))) return { ok: false, message: 'empty or non-base64url part' };
  let headerText: string;
  let header: unknown;
  let iv: Uint8Array, ciphertext: Uint8Array, mac: Uint8Array;
  try {
    headerText = codec.utf8Decode(codec.base64UrlDecode(parts[0]));
    header = JSON.parse(headerText);
    iv = codec.base64UrlDecode(parts[1]);
    ciphertext = codec.base64UrlDecode(parts[2]);
    mac = codec.base64UrlDecode(parts[3]);
  } catch (err) {
    return { ok: false, message: `undecodable part: ${(err as Error).message}` };
  }
  const shapeError = checkHeaderShape(header);
  if (shapeError) return { ok: false, message: shapeError };
  // Exactly one spelling is accepted: the RFC 8785 form the client writes. This refuses repeated
  // members (JSON.parse keeps the last, another parser may keep the first), `1.0`/`1e0` for
  // integers, escapes, whitespace and member order, so a log parser, firewall or second verifier
  // can never read a different header than the one that was MACed.
  if (canonicalOrNull(header) !== headerText) return { ok: false, message: 'header is not in RFC 8785 canonical form' };
  return {
    ok: true,
    token: { header: header as TokenHeader, signedText: `${parts[0]}.${parts[1]}.${parts[2]}`, iv, ciphertext, mac },
  };
}

export function encodeHeader(header: TokenHeader): string {
  return base64UrlEncode(utf8Encode(canonicalJson(header)));
}

export interface SealInput {
  suite: CipherSuite;
  macKey: Uint8Array;
  encKey: Uint8Array;
  header: TokenHeader;
  /** Exact plaintext bytes (normally `encodePayload(...)`; tests pass malformed ones). */
  plaintext: Uint8Array;
  iv: Uint8Array;
}

/** Builds the compact token. Pure: all randomness (nonce in header, IV) comes from the caller. */
export function sealToken(i: SealInput): string {
  if (i.iv.length !== i.suite.ivLength) throw new TypeError('sealToken: wrong IV length');
  const prefix = `${encodeHeader(i.header)}.${base64UrlEncode(i.iv)}.`;
  const ct = i.suite.encrypt(i.encKey, i.iv, i.plaintext);
  // The MAC covers the ASCII of `header.iv.ciphertext`: write those bytes once, MAC them and make
  // the token's text from them, instead of building a string and encoding it back.
  const signed = new Uint8Array(prefix.length + base64UrlLength(ct.length));
  signed.set(asciiBytes(prefix));
  base64UrlEncodeInto(ct, signed, prefix.length);
  return `${prefix}${asciiText(signed.subarray(prefix.length))}.${base64UrlEncode(i.suite.mac(i.macKey, signed))}`;
}

export function encodePayload(payload: unknown, deviceTime: number): Uint8Array {
  const envelope: PayloadEnvelope = { p: payload, dt: deviceTime };
  return utf8Encode(canonicalJson(envelope));
}

/** Parses decrypted bytes into the envelope; returns an error message on any deviation. */
export function decodePayload(plaintext: Uint8Array, codec: BinaryCodec = jsCodec): PayloadEnvelope | string {
  let value: unknown;
  try {
    value = JSON.parse(codec.utf8Decode(plaintext));
  } catch {
    return 'payload is not UTF-8 JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'payload is not an object';
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  if (keys.length !== 2 || keys[0] !== 'dt' || keys[1] !== 'p') return 'payload must be exactly {dt, p}';
  if (!Number.isSafeInteger(o.dt) || (o.dt as number) < 0) return 'payload dt must be a non-negative integer';
  if (o.p === undefined) return 'payload p missing';
  return o as unknown as PayloadEnvelope;
}
