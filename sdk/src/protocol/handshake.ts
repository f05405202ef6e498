/**
 * Handshake messages and the key schedule shared by client and server (PROTOCOL.md §3).
 *
 *   salt = nc || ns
 *   info = LP("LJR1 session keys", suite, kid, sid, epk, spk)
 *   okm  = KDF(ikm = X25519(shared), salt, info, L = macKeyLen + encKeyLen + macKeyLen)
 *   macKey || encKey || confirmKey = okm
 *   kc   = MAC(confirmKey, LP("LJR1 key confirmation", suite, kid, sid, epk, nc, ns, u64(st), u64(exp)))
 *
 * where LP is 2-byte big-endian length-prefixed concatenation. Binding sid, both nonces, the key id
 * and both public keys means keys from one handshake are useless in any other.
 */
import type { CipherSuite } from './suite';
import {
  HANDSHAKE_NONCE_BYTES,
  LABEL_KEY_CONFIRMATION,
  LABEL_SESSION_KEYS,
  PROTOCOL_VERSION,
  SESSION_ID_BYTES,
} from './constants';
import { asciiBytes, concatBytes, lengthPrefixed, u64be } from '../crypto/bytes';
import { isBase64UrlOfLength } from '../crypto/base64url';

/** Body the client POSTs to `/risk/handshake`. */
export interface HandshakeRequest {
  /** Protocol version, 1. */
  v: typeof PROTOCOL_VERSION;
  /** Suite name the client wants. */
  suite: string;
  /** Id of the server static key the client was configured with. */
  kid: string;
  /** Client ephemeral public key, base64url. */
  epk: string;
  /** Client nonce, 16 bytes, base64url. */
  nc: string;
}

/** What the server answers. */
export interface HandshakeResponse {
  v: typeof PROTOCOL_VERSION;
  suite: string;
  kid: string;
  /** Session id, 16 random bytes, base64url. */
  sid: string;
  /** Server nonce, 16 bytes, base64url. */
  ns: string;
  /** Server time (Unix ms) when the session was created; the client derives its clock offset from it. */
  st: number;
  /** Session expiry (Unix ms, server clock). */
  exp: number;
  /** Key-confirmation MAC, base64url. */
  kc: string;
}

export interface SessionKeys {
  macKey: Uint8Array;
  encKey: Uint8Array;
  confirmKey: Uint8Array;
}

/** Key ids are short ASCII labels; they go into the KDF info as bytes. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

export interface KeyScheduleInput {
  suite: CipherSuite;
  shared: Uint8Array;
  kid: string;
  sid: string;
  epk: Uint8Array;
  spk: Uint8Array;
  nc: Uint8Array;
  ns: Uint8Array;
}

export function sessionKeyInfo(i: Omit<KeyScheduleInput, 'shared' | 'nc' | 'ns'>): Uint8Array {
  return lengthPrefixed([
    asciiBytes(LABEL_SESSION_KEYS),
    asciiBytes(i.suite.name),
    asciiBytes(i.kid),
    asciiBytes(i.sid),
    i.epk,
    i.spk,
  ]);
}

export function deriveSessionKeys(i: KeyScheduleInput): SessionKeys {
  const { suite } = i;
  const okm = suite.kdf(
    i.shared,
    concatBytes(i.nc, i.ns),
    sessionKeyInfo(i),
    suite.macKeyLength * 2 + suite.encKeyLength,
  );
  const macKey = okm.slice(0, suite.macKeyLength);
  const encKey = okm.slice(suite.macKeyLength, suite.macKeyLength + suite.encKeyLength);
  const confirmKey = okm.slice(suite.macKeyLength + suite.encKeyLength);
  return { macKey, encKey, confirmKey };
}

export interface ConfirmationInput {
  suite: CipherSuite;
  kid: string;
  sid: string;
  epk: Uint8Array;
  nc: Uint8Array;
  ns: Uint8Array;
  st: number;
  exp: number;
}

export function keyConfirmationTranscript(i: ConfirmationInput): Uint8Array {
  return lengthPrefixed([
    asciiBytes(LABEL_KEY_CONFIRMATION),
    asciiBytes(i.suite.name),
    asciiBytes(i.kid),
    asciiBytes(i.sid),
    i.epk,
    i.nc,
    i.ns,
    u64be(i.st),
    u64be(i.exp),
  ]);
}

export function keyConfirmation(confirmKey: Uint8Array, i: ConfirmationInput): Uint8Array {
  return i.suite.mac(confirmKey, keyConfirmationTranscript(i));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function hasExactKeys(o: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Validates the shape of a handshake request (suite-independent parts). Returns an error message or the request. */
export function parseHandshakeRequest(body: unknown): HandshakeRequest | string {
  if (!isRecord(body) || !hasExactKeys(body, ['v', 'suite', 'kid', 'epk', 'nc']))
    return 'handshake request must be {v, suite, kid, epk, nc}';
  if (body.v !== PROTOCOL_VERSION) return 'unsupported protocol version';
  if (typeof body.suite !== 'string' || body.suite.length > 64) return 'bad suite';
  if (typeof body.kid !== 'string' || !KEY_ID_PATTERN.test(body.kid)) return 'bad kid';
  if (typeof body.epk !== 'string' || body.epk.length > 200) return 'bad epk';
  if (!isBase64UrlOfLength(body.nc, HANDSHAKE_NONCE_BYTES)) return 'bad nc';
  return body as unknown as HandshakeRequest;
}

/** Validates a handshake response's shape. Returns an error message or the response. */
export function parseHandshakeResponse(body: unknown, suite: CipherSuite): HandshakeResponse | string {
  if (!isRecord(body) || !hasExactKeys(body, ['v', 'suite', 'kid', 'sid', 'ns', 'st', 'exp', 'kc']))
    return 'handshake response has the wrong shape';
  if (body.v !== PROTOCOL_VERSION) return 'unsupported protocol version';
  if (body.suite !== suite.name) return 'server chose another suite';
  if (typeof body.kid !== 'string' || !KEY_ID_PATTERN.test(body.kid)) return 'bad kid';
  if (!isBase64UrlOfLength(body.sid, SESSION_ID_BYTES)) return 'bad sid';
  if (!isBase64UrlOfLength(body.ns, HANDSHAKE_NONCE_BYTES)) return 'bad ns';
  if (!isTime(body.st) || !isTime(body.exp) || body.exp <= body.st) return 'bad st/exp';
  if (!isBase64UrlOfLength(body.kc, suite.macLength)) return 'bad kc';
  return body as unknown as HandshakeResponse;
}
