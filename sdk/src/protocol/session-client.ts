/**
 * The client half of protocol v1: lazily performs the X25519 handshake against the bank's static
 * key, then seals telemetry and action tokens. Platform-neutral: everything platform-specific
 * (randomness, clock, HTTP) is injected, and nothing here imports Node built-ins, because this runs
 * in the WeChat mini-program logic layer.
 */
import type { CipherSuite, SuiteRegistry } from './suite';
import { createSuiteRegistry } from './suite';
import { ljr1SealSuite } from './suites/ljr1-seal';
import {
  ACTION_PATTERN,
  DEFAULT_SUITE,
  HANDSHAKE_NONCE_BYTES,
  HANDSHAKE_PATH,
  NONCE_BYTES,
  PROTOCOL_VERSION,
  type TokenKind,
} from './constants';
import {
  deriveSessionKeys,
  keyConfirmation,
  KEY_ID_PATTERN,
  parseHandshakeResponse,
  type HandshakeRequest,
} from './handshake';
import { encodePayload, sealToken, type TokenHeader } from './token';
import { base64UrlDecode, base64UrlEncode } from '../crypto/base64url';
import { constantTimeEqual } from '../crypto/constant-time';
import { bizHash, type BoundRequest } from '../crypto/biz-hash';

export interface SessionClientOptions {
  /** The bank server's static public key for the chosen suite (X25519: 32 bytes), base64url. */
  serverPublicKey: string;
  /** Id of that key, sent in the handshake so the server can pick it during key rotation. */
  keyId: string;
  /** CSPRNG: returns `n` fresh random bytes (normally `createRandomPool(platformFill).bytes`). Never the non-cryptographic `Math` RNG. */
  random: (n: number) => Uint8Array;
  /** Device clock, Unix ms. Tokens carry it corrected by the server offset measured in the handshake. */
  now: () => number;
  /** Sends a JSON body to the bank backend and resolves with the parsed JSON response; rejects on HTTP/network errors. */
  post: (path: string, body: unknown) => Promise<unknown>;
  /** Suite name to use. Default `LJR1-X25519-HMAC-SHA256-AES256CBC`. */
  suite?: string;
  /** Where to look the suite up; default holds only the built-in LJR1 (crypto-js) suite. */
  suites?: SuiteRegistry;
  /** Re-handshake this long before the server-announced expiry, so a token never races the expiry. Default 60 000 ms (capped at half the session lifetime). */
  refreshMarginMs?: number;
}

/** Public facts about the current session (no key material). */
export interface SessionInfo {
  sessionId: string;
  keyId: string;
  suite: string;
  /** Server time at creation (Unix ms). */
  createdAt: number;
  /** Server time at expiry (Unix ms). */
  expiresAt: number;
  /** server clock − device clock, in ms, measured at the handshake (midpoint of the round trip). */
  clockOffsetMs: number;
  /** Sequence number of the last token sealed in this session (0 before the first). */
  lastSeq: number;
}

export interface SessionClient {
  /** Resolves with a live session, performing (or re-performing, after expiry) the handshake if needed. */
  ensureSession(): Promise<SessionInfo>;
  /**
   * Seals `payload` into a token. `action` is the action name for `kind: 'action'` (e.g. `loan.apply`)
   * and must be `null` for telemetry. An action token is bound via `bizHash` to `request` — the
   * method, path and exact JSON body the app sends it with — which is required for actions and
   * must be absent for telemetry.
   */
  seal(kind: TokenKind, action: string | null, payload: unknown, request?: BoundRequest): Promise<string>;
  /** Forgets the session (e.g. after the server answered SESSION_UNKNOWN); the next seal handshakes again. */
  reset(): void;
}

/** Handshake failed: network error, malformed response, or the server could not prove it holds the key. */
export class HandshakeError extends Error {
  constructor(
    /** `HANDSHAKE_TRANSPORT` (post rejected), `HANDSHAKE_RESPONSE_INVALID` or `KEY_CONFIRMATION_FAILED`. */
    readonly code: 'HANDSHAKE_TRANSPORT' | 'HANDSHAKE_RESPONSE_INVALID' | 'KEY_CONFIRMATION_FAILED',
    message: string,
    /** The underlying error (e.g. the HTTP error carrying the server's KEY_RETIRED answer). */
    readonly cause?: unknown,
  ) {
    super(`[risk-sdk] handshake failed (${code}): ${message}`);
    this.name = 'HandshakeError';
  }
}

interface LiveSession {
  info: SessionInfo;
  macKey: Uint8Array;
  encKey: Uint8Array;
  /** Device-clock time after which we re-handshake. */
  refreshAt: number;
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000;

function checkedRandom(random: (n: number) => Uint8Array, n: number): Uint8Array {
  const out = random(n);
  if (!(out instanceof Uint8Array) || out.length !== n) throw new TypeError(`random(${n}) must return ${n} bytes`);
  return out;
}

export function createSessionClient(opts: SessionClientOptions): SessionClient {
  const registry = opts.suites ?? createSuiteRegistry([ljr1SealSuite]);
  const suiteName = opts.suite ?? DEFAULT_SUITE;
  const suite: CipherSuite | undefined = registry.get(suiteName);
  if (!suite || !suite.generateKeyPair)
    throw new TypeError(`createSessionClient: suite ${suiteName} is not available on the client`);
  if (typeof opts.keyId !== 'string' || !KEY_ID_PATTERN.test(opts.keyId))
    throw new TypeError('createSessionClient: keyId is not a valid key id');
  let spk: Uint8Array;
  try {
    spk = base64UrlDecode(opts.serverPublicKey);
  } catch {
    throw new TypeError('createSessionClient: serverPublicKey is not base64url');
  }
  if (spk.length !== suite.publicKeyLength)
    throw new TypeError(`createSessionClient: serverPublicKey must be ${suite.publicKeyLength} bytes`);
  for (const f of ['random', 'now', 'post'] as const) {
    if (typeof opts[f] !== 'function') throw new TypeError(`createSessionClient: ${f} must be a function`);
  }
  const refreshMarginMs = opts.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;

  let live: LiveSession | null = null;
  let pending: Promise<LiveSession> | null = null;
  // Bumped by reset() so a handshake that was in flight cannot install a session afterwards.
  let generation = 0;

  async function handshake(s: CipherSuite): Promise<LiveSession> {
    const kp = s.generateKeyPair!((n) => checkedRandom(opts.random, n));
    const nc = checkedRandom(opts.random, HANDSHAKE_NONCE_BYTES);
    const request: HandshakeRequest = {
      v: PROTOCOL_VERSION,
      suite: s.name,
      kid: opts.keyId,
      epk: base64UrlEncode(kp.publicKey),
      nc: base64UrlEncode(nc),
    };
    const t0 = opts.now();
    let raw: unknown;
    try {
      raw = await opts.post(HANDSHAKE_PATH, request);
    } catch (err) {
      throw new HandshakeError('HANDSHAKE_TRANSPORT', err instanceof Error ? err.message : String(err), err);
    }
    const t1 = opts.now();
    const res = parseHandshakeResponse(raw, s);
    if (typeof res === 'string') throw new HandshakeError('HANDSHAKE_RESPONSE_INVALID', res);
    if (res.kid !== opts.keyId)
      throw new HandshakeError('HANDSHAKE_RESPONSE_INVALID', 'server answered for another key id');
    const ns = base64UrlDecode(res.ns);
    let shared: Uint8Array;
    try {
      shared = s.sharedSecret(kp.privateKey, spk);
    } catch (err) {
      throw new HandshakeError('HANDSHAKE_RESPONSE_INVALID', (err as Error).message);
    }
    const keys = deriveSessionKeys({ suite: s, shared, kid: res.kid, sid: res.sid, epk: kp.publicKey, spk, nc, ns });
    const expected = keyConfirmation(keys.confirmKey, {
      suite: s,
      kid: res.kid,
      sid: res.sid,
      epk: kp.publicKey,
      nc,
      ns,
      st: res.st,
      exp: res.exp,
    });
    // Only the holder of the server's private key can produce this MAC: it defeats a MITM that answers the handshake itself.
    if (!constantTimeEqual(expected, base64UrlDecode(res.kc))) {
      throw new HandshakeError('KEY_CONFIRMATION_FAILED', 'server key confirmation MAC does not match');
    }
    kp.privateKey.fill(0);
    const clockOffsetMs = res.st - Math.round((t0 + t1) / 2);
    const lifetime = res.exp - res.st;
    return {
      info: {
        sessionId: res.sid,
        keyId: res.kid,
        suite: s.name,
        createdAt: res.st,
        expiresAt: res.exp,
        clockOffsetMs,
        lastSeq: 0,
      },
      macKey: keys.macKey,
      encKey: keys.encKey,
      refreshAt: res.exp - clockOffsetMs - Math.min(refreshMarginMs, lifetime / 2),
    };
  }

  function current(): Promise<LiveSession> {
    if (live && opts.now() < live.refreshAt) return Promise.resolve(live);
    if (!pending) {
      const gen = generation;
      // Concurrent callers share one handshake instead of racing several.
      pending = handshake(suite!).then(
        (s) => {
          if (gen === generation) {
            live = s;
            pending = null;
          }
          return s;
        },
        (err) => {
          if (gen === generation) pending = null;
          throw err;
        },
      );
    }
    return pending;
  }

  return {
    async ensureSession() {
      return Object.assign({}, (await current()).info);
    },

    async seal(kind, action, payload, request) {
      if (kind !== 'telemetry' && kind !== 'action') throw new TypeError(`seal: kind must be 'telemetry' or 'action'`);
      if (kind === 'action' ? typeof action !== 'string' || !ACTION_PATTERN.test(action) : action !== null) {
        throw new TypeError(
          kind === 'action'
            ? `seal: action name must match ${ACTION_PATTERN}`
            : 'seal: telemetry tokens take action null',
        );
      }
      if (payload === undefined) throw new TypeError('seal: payload must be JSON (use null for none)');
      if ((kind === 'action') !== (request !== undefined))
        throw new TypeError(
          kind === 'action'
            ? 'seal: an action token needs the request it rides with: { method, path, body }'
            : 'seal: telemetry tokens are bound to no request',
        );
      // Hash (and so validate) the request before any network traffic, so a bad one never costs a handshake.
      const bh = request === undefined ? null : bizHash(request, suite!.hash);
      const s = await current();
      const deviceTime = opts.now();
      const plaintext = encodePayload(payload, deviceTime);
      const header: TokenHeader = {
        v: PROTOCOL_VERSION,
        suite: s.info.suite,
        sid: s.info.sessionId,
        seq: s.info.lastSeq + 1,
        ts: Math.round(deviceTime + s.info.clockOffsetMs),
        nonce: base64UrlEncode(checkedRandom(opts.random, NONCE_BYTES)),
        kind,
        act: action,
        bh,
      };
      const iv = checkedRandom(opts.random, suite!.ivLength);
      const token = sealToken({ suite: suite!, macKey: s.macKey, encKey: s.encKey, header, plaintext, iv });
      // Only advance once the token exists, so a failure above does not leave a gap-free counter inconsistent.
      s.info.lastSeq = header.seq;
      return token;
    },

    reset() {
      generation++;
      live = null;
      pending = null;
    },
  };
}
