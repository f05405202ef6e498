/**
 * The server's static keys. Rotation: configure the new key and keep the previous one with a
 * `notAfter`. Until then, clients shipped with the old key id still handshake and their sessions
 * keep verifying; from `notAfter` on, handshakes with it fail (KEY_RETIRED) and its sessions' tokens
 * are refused with SESSION_EXPIRED (sessions are also cut to end at `notAfter`).
 */
import type { CipherSuite, SuiteRegistry } from '../protocol/suite';
import { DEFAULT_SUITE } from '../protocol/constants';
import { LJG1_SUITE } from '../protocol/suites/ljg1-params';
import { KEY_ID_PATTERN } from '../protocol/handshake';
import { base64UrlDecode } from '../crypto/base64url';

export interface ServerKeyConfig {
  /** Key id the client is configured with (ASCII, [A-Za-z0-9._:-], ≤ 64 chars). */
  keyId: string;
  /** Static private key, base64url (32 bytes: X25519, or an SM2 scalar). Keep it in a secret manager, never in the repo. */
  privateKey: string;
  /** Unix ms from which this key is retired. Omit for the current key. */
  notAfter?: number;
  /** Suite this key belongs to (wire name, or a built-in suite's short name `LJR1` / `LJG1`). Default `LJR1-X25519-HMAC-SHA256-AES256CBC`. */
  suite?: string;
}

/** Short names of the built-in suites, for configuration (`RISK_SUITES=LJR1,LJG1`, `allowedSuites`). */
const SUITE_SHORT_NAMES: Readonly<Record<string, string>> = { LJR1: DEFAULT_SUITE, LJG1: LJG1_SUITE };

/** A built-in suite's short name → its wire name; any other string is returned unchanged. */
export function resolveSuiteName(name: string): string {
  return Object.prototype.hasOwnProperty.call(SUITE_SHORT_NAMES, name) ? SUITE_SHORT_NAMES[name] : name;
}

export interface LoadedKey {
  keyId: string;
  suite: CipherSuite;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  notAfter: number | undefined;
}

export function loadKeyRing(keys: ServerKeyConfig[], suites: SuiteRegistry): Map<string, LoadedKey> {
  if (!Array.isArray(keys) || keys.length === 0) throw new TypeError('createRiskServer: at least one key is required');
  const ring = new Map<string, LoadedKey>();
  for (const k of keys) {
    if (typeof k.keyId !== 'string' || !KEY_ID_PATTERN.test(k.keyId))
      throw new TypeError(`createRiskServer: invalid keyId ${JSON.stringify(k.keyId)}`);
    if (ring.has(k.keyId)) throw new TypeError(`createRiskServer: duplicate keyId ${k.keyId}`);
    const suite = suites.get(resolveSuiteName(k.suite ?? DEFAULT_SUITE));
    if (!suite) throw new TypeError(`createRiskServer: key ${k.keyId}: suite ${k.suite} not registered`);
    let privateKey: Uint8Array;
    try {
      privateKey = base64UrlDecode(k.privateKey);
    } catch {
      throw new TypeError(`createRiskServer: key ${k.keyId}: privateKey is not base64url`);
    }
    if (privateKey.length !== 32) throw new TypeError(`createRiskServer: key ${k.keyId}: privateKey must be 32 bytes`);
    if (k.notAfter !== undefined && !Number.isSafeInteger(k.notAfter))
      throw new TypeError(`createRiskServer: key ${k.keyId}: notAfter must be Unix ms`);
    let publicKey: Uint8Array;
    try {
      publicKey = suite.publicKeyFromPrivate(privateKey);
    } catch {
      // e.g. an SM2 scalar outside [1, n-2]; the message names the key, never its bytes.
      throw new TypeError(`createRiskServer: key ${k.keyId}: privateKey is not a valid ${suite.name} key`);
    }
    ring.set(k.keyId, { keyId: k.keyId, suite, privateKey, publicKey, notAfter: k.notAfter });
  }
  return ring;
}

export function isKeyActive(key: LoadedKey, now: number): boolean {
  return key.notAfter === undefined || now < key.notAfter;
}
