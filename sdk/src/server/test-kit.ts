/**
 * Shared fixtures for the protocol tests and benchmarks: an in-process server, a client whose
 * `post` calls `server.handshake` directly (with a JSON round trip, as HTTP would), and a
 * controllable clock. Not exported from the package entry.
 */
import { randomFillSync } from 'node:crypto';
import { createRiskServer, type RiskServer, type RiskServerOptions } from './risk-server';
import { createMemoryStore, type MemoryStore } from './memory-store';
import { generateServerKeyPair, type GeneratedServerKey } from './keygen';
import { createSessionClient, type SessionClient, type SessionClientOptions } from '../protocol/session-client';
import { HANDSHAKE_PATH } from '../protocol/constants';
import { createRandomPool } from '../crypto/random-pool';
import { sealToken, parseToken, encodeHeader, type TokenHeader } from '../protocol/token';
import { ljr1NodeSuite } from './ljr1-node-suite';
import { base64UrlDecode, base64UrlEncode } from '../crypto/base64url';
import type { BoundRequest } from '../crypto/biz-hash';
import { asciiBytes, utf8Encode } from '../crypto/bytes';

export const T0 = 1_800_000_000_000;

export interface Harness {
  server: RiskServer;
  store: MemoryStore;
  key: GeneratedServerKey;
  /** Server time. */
  now(): number;
  advance(ms: number): void;
  /** Device clock minus server clock for clients made by `newClient`. */
  deviceOffsetMs: number;
  newClient(overrides?: Partial<SessionClientOptions>): SessionClient;
  handshakeCalls: number;
}

export function createHarness(serverOpts: Partial<RiskServerOptions> = {}): Harness {
  let now = T0;
  const key = generateServerKeyPair({ keyId: 'k-current' });
  const store = createMemoryStore();
  const server = createRiskServer({
    keys: [{ keyId: key.keyId, privateKey: key.privateKey }],
    store,
    clock: () => now,
    purgeIntervalMs: 0,
    ...serverOpts,
  });
  const pool = createRandomPool((b) => {
    randomFillSync(b);
  });
  const h: Harness = {
    server,
    store,
    key,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    deviceOffsetMs: 0,
    handshakeCalls: 0,
    newClient(overrides = {}) {
      return createSessionClient({
        serverPublicKey: key.publicKey,
        keyId: key.keyId,
        random: pool.bytes,
        now: () => now + h.deviceOffsetMs,
        post: async (path, body) => {
          if (path !== HANDSHAKE_PATH) throw new Error(`unexpected path ${path}`);
          h.handshakeCalls++;
          return JSON.parse(JSON.stringify(await server.handshake(JSON.parse(JSON.stringify(body)))));
        },
        ...overrides,
      });
    },
  };
  return h;
}

/** Re-encodes a token part after `edit` changes its bytes (keeps base64url canonical). */
export function editPart(token: string, index: number, edit: (bytes: Uint8Array) => Uint8Array): string {
  const parts = token.split('.');
  parts[index] = base64UrlEncode(edit(base64UrlDecode(parts[index])));
  return parts.join('.');
}

export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3] ^= 1 << (bit & 7);
  return out;
}

export function headerOf(token: string): TokenHeader {
  const p = parseToken(token);
  if (!p.ok) throw new Error(p.message);
  return p.token.header;
}

/** Replaces header fields and re-encodes, keeping the original (now stale) MAC. */
export function withHeader(token: string, patch: Partial<TokenHeader>): string {
  const parts = token.split('.');
  parts[0] = encodeHeader({ ...headerOf(token), ...patch });
  return parts.join('.');
}

/**
 * Seals with a session's real keys taken from the store: simulates an attacker who holds the
 * session keys (i.e. the client itself) and crafts tokens the SDK would never produce.
 */
export async function sealWithStoredKeys(
  store: MemoryStore,
  header: TokenHeader,
  plaintext: Uint8Array,
  iv = new Uint8Array(16).fill(9),
): Promise<string> {
  const s = await store.getSession(header.sid);
  if (!s) throw new Error('no session');
  return sealToken({
    suite: ljr1NodeSuite,
    macKey: base64UrlDecode(s.macKey),
    encKey: base64UrlDecode(s.encKey),
    header,
    plaintext,
    iv,
  });
}

/** The request an action token is bound to in tests: a POST of `body` to `path`. */
export function postTo(body: unknown, path = '/api/test'): BoundRequest {
  return { method: 'POST', path, body };
}

/**
 * Seals a token whose header is exactly `headerText` (not re-serialised) with the session's real
 * keys: a key holder's non-canonical spelling of a header, correctly MACed.
 */
export async function sealHeaderText(
  store: MemoryStore,
  sid: string,
  headerText: string,
  plaintext: Uint8Array,
  iv = new Uint8Array(16).fill(7),
): Promise<string> {
  const s = await store.getSession(sid);
  if (!s) throw new Error('no session');
  const signed = `${base64UrlEncode(utf8Encode(headerText))}.${base64UrlEncode(iv)}.${base64UrlEncode(
    ljr1NodeSuite.encrypt(base64UrlDecode(s.encKey), iv, plaintext),
  )}`;
  return `${signed}.${base64UrlEncode(ljr1NodeSuite.mac(base64UrlDecode(s.macKey), asciiBytes(signed)))}`;
}
