/**
 * `createRiskServer`: the bank-side half of protocol v1 — handshake handler and token verifier.
 * Uses node:crypto (via the LJR1 Node suite) and an injectable store and clock.
 */
import { randomBytes } from 'node:crypto';
import type { SuiteRegistry } from '../protocol/suite';
import { createSuiteRegistry } from '../protocol/suite';
import { HANDSHAKE_NONCE_BYTES, PROTOCOL_VERSION, SESSION_ID_BYTES } from '../protocol/constants';
import {
  deriveSessionKeys,
  keyConfirmation,
  parseHandshakeRequest,
  type HandshakeResponse,
} from '../protocol/handshake';
import type { TokenHeader } from '../protocol/token';
import { base64UrlDecode, base64UrlEncode } from '../crypto/base64url';
import { ljr1NodeSuite } from './ljr1-node-suite';
import { ljg1NodeSuite } from './ljg1-node-suite';
import { nodeCodec } from './node-codec';
import { createMemoryStore } from './memory-store';
import type { RiskStore } from './store';
import { isKeyActive, loadKeyRing, resolveSuiteName, type ServerKeyConfig } from './key-ring';
import { createTokenVerifier, type VerifyContext, type VerifyResult } from './verify-token';

export interface RiskServerOptions {
  /** Static keys: the current one plus, during rotation, the previous one with `notAfter`. */
  keys: ServerKeyConfig[];
  /** Session/nonce/seq state. Default: in-memory (single instance only). */
  store?: RiskStore;
  /** Server clock, Unix ms. Default `Date.now`. Inject for tests and simulations. */
  clock?: () => number;
  /** Session lifetime, ms. Default 30 minutes. */
  sessionTtlMs?: number;
  /** Allowed |token ts − server time|, ms. Default 5 minutes. */
  skewMs?: number;
  /** Suite implementations; default holds the node:crypto LJR1 and LJG1 (国密) suites. */
  suites?: SuiteRegistry;
  /**
   * Suite names (wire names, or `LJR1` / `LJG1`) accepted in handshakes and tokens. Default: the
   * suites of the configured `keys`, so a suite is on only when the bank holds a key for it.
   */
  allowedSuites?: string[];
  /** Extra payload schema check run after decryption; return an error message to refuse with PAYLOAD_INVALID. */
  validatePayload?: (payload: unknown, header: TokenHeader) => string | null;
  /** How often (ms) verify/handshake trigger `store.purgeExpired` in the background. Default 60 000; 0 disables. */
  purgeIntervalMs?: number;
  /** Random source for session ids and server nonces. Default `crypto.randomBytes`. Only the test-vector generator overrides it. */
  random?: (n: number) => Uint8Array;
}

export interface RiskServer {
  /** Handles a POST to `/risk/handshake`. Rejects with `HandshakeRejectedError` (map it to HTTP 400). */
  handshake(body: unknown): Promise<HandshakeResponse>;
  /** Verifies a token. Never throws for bad tokens (returns a reason code); rejects only if the store fails. */
  verify(token: string, ctx?: VerifyContext): Promise<VerifyResult>;
  /** Public keys to configure clients with. */
  publicKeys(): Array<{ keyId: string; suite: string; publicKey: string; notAfter?: number }>;
}

export const HandshakeRejectCode = {
  MALFORMED: 'MALFORMED',
  SUITE_UNSUPPORTED: 'SUITE_UNSUPPORTED',
  /** The client's key id is not configured on this server. */
  KEY_UNKNOWN: 'KEY_UNKNOWN',
  /** The client's key id is past its `notAfter`: the app must be updated with the new key. */
  KEY_RETIRED: 'KEY_RETIRED',
} as const;
export type HandshakeRejectCode = (typeof HandshakeRejectCode)[keyof typeof HandshakeRejectCode];

export class HandshakeRejectedError extends Error {
  constructor(
    readonly code: HandshakeRejectCode,
    message: string,
  ) {
    super(`handshake rejected (${code}): ${message}`);
    this.name = 'HandshakeRejectedError';
  }
}

const DEFAULT_SESSION_TTL_MS = 30 * 60_000;
const DEFAULT_SKEW_MS = 5 * 60_000;
const DEFAULT_PURGE_INTERVAL_MS = 60_000;

export function createRiskServer(opts: RiskServerOptions): RiskServer {
  const suites = opts.suites ?? createSuiteRegistry([ljr1NodeSuite, ljg1NodeSuite]);
  const store = opts.store ?? createMemoryStore();
  const clock = opts.clock ?? Date.now;
  const sessionTtlMs = opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const skewMs = opts.skewMs ?? DEFAULT_SKEW_MS;
  const purgeIntervalMs = opts.purgeIntervalMs ?? DEFAULT_PURGE_INTERVAL_MS;
  const random = opts.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  if (!(sessionTtlMs > 0) || !(skewMs >= 0))
    throw new TypeError('createRiskServer: sessionTtlMs must be > 0 and skewMs >= 0');
  const ring = loadKeyRing(opts.keys, suites);
  const allowedSuites = (opts.allowedSuites ?? [...ring.values()].map((k) => k.suite.name)).map(resolveSuiteName);
  for (const name of allowedSuites)
    if (!suites.get(name)) throw new TypeError(`createRiskServer: allowed suite ${name} is not registered`);

  let lastPurge = clock();
  function maybePurge(now: number): void {
    if (purgeIntervalMs > 0 && now - lastPurge >= purgeIntervalMs) {
      lastPurge = now;
      // Background housekeeping: a failing purge must not fail a request.
      store.purgeExpired(now).catch(() => undefined);
    }
  }

  const verifyToken = createTokenVerifier({
    suites,
    allowedSuites,
    store,
    clock,
    skewMs,
    validatePayload: opts.validatePayload,
    codec: nodeCodec,
    keyStatus(keyId, now) {
      const key = ring.get(keyId);
      return key ? { status: isKeyActive(key, now) ? 'active' : 'retired', suite: key.suite.name } : null;
    },
  });

  return {
    async handshake(body) {
      const req = parseHandshakeRequest(body);
      if (typeof req === 'string') throw new HandshakeRejectedError(HandshakeRejectCode.MALFORMED, req);
      const suite = allowedSuites.includes(req.suite) ? suites.get(req.suite) : undefined;
      if (!suite)
        throw new HandshakeRejectedError(HandshakeRejectCode.SUITE_UNSUPPORTED, `suite ${req.suite} not allowed`);
      const key = ring.get(req.kid);
      if (!key) throw new HandshakeRejectedError(HandshakeRejectCode.KEY_UNKNOWN, `key ${req.kid} not configured`);
      const now = clock();
      maybePurge(now);
      if (!isKeyActive(key, now))
        throw new HandshakeRejectedError(HandshakeRejectCode.KEY_RETIRED, `key ${req.kid} retired`);
      if (key.suite.name !== suite.name)
        throw new HandshakeRejectedError(
          HandshakeRejectCode.SUITE_UNSUPPORTED,
          `key ${req.kid} is for suite ${key.suite.name}`,
        );
      let epk: Uint8Array;
      let shared: Uint8Array;
      try {
        epk = base64UrlDecode(req.epk);
        if (epk.length !== suite.publicKeyLength) throw new TypeError('wrong epk length');
        shared = suite.sharedSecret(key.privateKey, epk);
      } catch (err) {
        throw new HandshakeRejectedError(HandshakeRejectCode.MALFORMED, `bad epk: ${(err as Error).message}`);
      }
      // Draw order (sid, then ns) is part of the test vectors.
      const sid = base64UrlEncode(random(SESSION_ID_BYTES));
      const ns = random(HANDSHAKE_NONCE_BYTES);
      const nc = base64UrlDecode(req.nc);
      const st = now;
      const exp = Math.min(now + sessionTtlMs, key.notAfter ?? Number.MAX_SAFE_INTEGER);
      const keys = deriveSessionKeys({ suite, shared, kid: key.keyId, sid, epk, spk: key.publicKey, nc, ns });
      const kc = keyConfirmation(keys.confirmKey, { suite, kid: key.keyId, sid, epk, nc, ns, st, exp });
      await store.putSession({
        id: sid,
        keyId: key.keyId,
        macKey: base64UrlEncode(keys.macKey),
        encKey: base64UrlEncode(keys.encKey),
        createdAt: st,
        expiresAt: exp,
        lastSeq: 0,
      });
      return {
        v: PROTOCOL_VERSION,
        suite: suite.name,
        kid: key.keyId,
        sid,
        ns: base64UrlEncode(ns),
        st,
        exp,
        kc: base64UrlEncode(kc),
      };
    },

    async verify(token, ctx) {
      maybePurge(clock());
      return verifyToken(token, ctx);
    },

    publicKeys() {
      return [...ring.values()].map((k) => ({
        keyId: k.keyId,
        suite: k.suite.name,
        publicKey: base64UrlEncode(k.publicKey),
        ...(k.notAfter !== undefined ? { notAfter: k.notAfter } : {}),
      }));
    },
  };
}
