/**
 * Client-side check of sdk/test-vectors: the platform-neutral implementation (crypto-js +
 * @noble/curves) must reproduce every handshake value and token byte for byte, and the reference
 * pipeline running on the client suite must reject each invalid token with its code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSessionClient } from './session-client';
import { createSuiteRegistry } from './suite';
import { REASON_CODES_IN_ORDER } from './reason-codes';
import { ljr1JsSuite } from './suites/ljr1-js';
import { createTokenVerifier } from '../server/verify-token';
import { createMemoryStore } from '../server/memory-store';
import { base64UrlDecode, base64UrlEncode } from '../crypto/base64url';
import { asciiBytes, bytesToHex, concatBytes, hexToBytes, u64be, utf8Decode } from '../crypto/bytes';
import { x25519PublicKey, x25519SharedSecret } from '../crypto/x25519';
import { hkdfSha256 } from '../crypto/hkdf-sha256';
import { hmacSha256 } from '../crypto/hmac-sha256';
import { aes256CbcDecrypt } from '../crypto/aes-256-cbc';
import { canonicalJson } from '../crypto/canonical-json';
import { sha256 } from '../crypto/sha256';
import { bizHash, canonicalRequest } from '../crypto/biz-hash';
import { buildTestVectors, vectorFileText, VECTOR_FILES } from '../../scripts/test-vectors';

const dir = path.join(__dirname, '..', '..', 'test-vectors');
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const hs = load(VECTOR_FILES.handshake);
const tv = load(VECTOR_FILES.tokens);
const inv = load(VECTOR_FILES.invalid);
const cj = load(VECTOR_FILES.canonicalJson);

/** LP() from PROTOCOL.md §3, written out independently of the implementation. */
const lp = (...fields: Uint8Array[]) =>
  concatBytes(...fields.map((f) => concatBytes(Uint8Array.of(f.length >> 8, f.length & 255), f)));
const a = asciiBytes;

describe('test vectors (client implementation)', () => {
  it('files are up to date with the generator', async () => {
    const built = await buildTestVectors();
    for (const [key, file] of Object.entries(VECTOR_FILES)) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(vectorFileText(built[key as keyof typeof built]));
    }
  });

  it('handshake key schedule, recomputed from the spec with raw primitives', () => {
    const spk = base64UrlDecode(hs.server.publicKey);
    const eph = base64UrlDecode(hs.client.ephemeralPrivateKey);
    const epk = base64UrlDecode(hs.request.epk);
    const nc = base64UrlDecode(hs.request.nc);
    const ns = base64UrlDecode(hs.response.ns);
    const sid = hs.response.sid as string;
    expect(base64UrlEncode(x25519PublicKey(base64UrlDecode(hs.server.privateKey)))).toBe(hs.server.publicKey);
    expect(base64UrlEncode(x25519PublicKey(eph))).toBe(hs.request.epk);
    const shared = x25519SharedSecret(eph, spk); // client direction
    expect(bytesToHex(shared)).toBe(hs.derived.sharedSecretHex);
    const info = lp(a('LJR1 session keys'), a(hs.suite), a(hs.server.keyId), a(sid), epk, spk);
    expect(bytesToHex(info)).toBe(hs.derived.hkdfInfoHex);
    expect(bytesToHex(concatBytes(nc, ns))).toBe(hs.derived.hkdfSaltHex);
    const okm = hkdfSha256(shared, concatBytes(nc, ns), info, 96);
    expect(bytesToHex(okm)).toBe(hs.derived.okmHex);
    expect([bytesToHex(okm.slice(0, 32)), bytesToHex(okm.slice(32, 64)), bytesToHex(okm.slice(64))]).toEqual([
      hs.derived.macKeyHex,
      hs.derived.encKeyHex,
      hs.derived.confirmKeyHex,
    ]);
    const transcript = lp(
      a('LJR1 key confirmation'),
      a(hs.suite),
      a(hs.server.keyId),
      a(sid),
      epk,
      nc,
      ns,
      u64be(hs.response.st),
      u64be(hs.response.exp),
    );
    expect(bytesToHex(transcript)).toBe(hs.derived.keyConfirmationTranscriptHex);
    expect(base64UrlEncode(hmacSha256(okm.slice(64), transcript))).toBe(hs.response.kc);
  });

  it('createSessionClient reproduces the handshake request and every token exactly', async () => {
    const draws: Uint8Array[] = [base64UrlDecode(hs.client.ephemeralPrivateKey), base64UrlDecode(hs.client.nc)];
    for (const t of tv.tokens) draws.push(base64UrlDecode(t.nonce), hexToBytes(t.ivHex));
    let deviceNow = hs.client.deviceTime;
    const posted: unknown[] = [];
    const client = createSessionClient({
      serverPublicKey: hs.server.publicKey,
      keyId: hs.server.keyId,
      random: (n) => {
        const d = draws.shift()!;
        expect(d.length).toBe(n);
        return d;
      },
      now: () => deviceNow,
      post: async (p, body) => {
        posted.push([p, body]);
        return hs.response;
      },
    });
    const info = await client.ensureSession();
    expect(posted).toEqual([[hs.path, hs.request]]);
    expect(info.clockOffsetMs).toBe(hs.derived.clientClockOffsetMs);
    for (const t of tv.tokens) {
      deviceNow = t.deviceTime;
      expect(await client.seal(t.kind, t.act, t.payload, t.request)).toBe(t.token);
    }
    expect(draws).toHaveLength(0);
  });

  it('token parts decode to the documented header, plaintext, ciphertext and MAC', () => {
    const macKey = hexToBytes(hs.derived.macKeyHex);
    const encKey = hexToBytes(hs.derived.encKeyHex);
    for (const t of tv.tokens) {
      const [h, iv, ct, mac] = t.token.split('.');
      expect(utf8Decode(base64UrlDecode(h))).toBe(t.headerJson);
      expect(canonicalJson(t.header)).toBe(t.headerJson);
      expect(bytesToHex(base64UrlDecode(iv))).toBe(t.ivHex);
      expect(bytesToHex(base64UrlDecode(ct))).toBe(t.ciphertextHex);
      expect(utf8Decode(aes256CbcDecrypt(encKey, base64UrlDecode(iv), base64UrlDecode(ct)))).toBe(t.plaintext);
      expect(t.macInput).toBe(`${h}.${iv}.${ct}`);
      expect(bytesToHex(hmacSha256(macKey, asciiBytes(t.macInput)))).toBe(t.macHex);
      expect(base64UrlEncode(hexToBytes(t.macHex))).toBe(mac);
      expect(t.header.bh).toBe(t.request === undefined ? null : bizHash(t.request));
      if (t.request) {
        // The canonical request, written out from PROTOCOL.md §4.1 independently of the implementation.
        const text = `${t.request.method}\n${t.request.path}\n${canonicalJson(t.request.body)}`;
        expect(t.canonicalRequest).toBe(text);
        expect(base64UrlEncode(sha256(new TextEncoder().encode(text)))).toBe(t.bizHash);
      }
    }
  });

  it('each invalid token fails with its code (reference pipeline on the client suite)', async () => {
    // One invalid vector per reason code, in verification order (the list itself is pinned in
    // server/reason-codes.test.ts against PROTOCOL.md), then more binding and strict-parsing cases.
    const codes = inv.cases.map((c: { code: string }) => c.code);
    expect(codes.slice(0, REASON_CODES_IN_ORDER.length)).toEqual([...REASON_CODES_IN_ORDER]);
    expect(codes.filter((c: string) => c === 'MALFORMED').length).toBeGreaterThanOrEqual(10);
    const suites = createSuiteRegistry([ljr1JsSuite]);
    for (const c of inv.cases) {
      const store = createMemoryStore();
      await store.putSession(inv.session);
      const verify = createTokenVerifier({
        suites,
        allowedSuites: suites.names(),
        store,
        clock: () => c.now,
        skewMs: inv.server.skewMs,
        keyStatus: (kid) => (kid === inv.server.keyId ? { status: 'active', suite: ljr1JsSuite.name } : null),
      });
      for (const b of c.before) expect((await verify(b.token, b.context)).ok).toBe(true);
      expect([c.description, await verify(c.token, c.context)]).toMatchObject([
        c.description,
        { ok: false, code: c.code },
      ]);
    }
  });

  it('canonical JSON, canonical request and bizHash cases', () => {
    for (const c of cj.cases) expect(canonicalJson(c.body)).toBe(c.canonical);
    expect(cj.requests.length).toBeGreaterThan(4);
    for (const r of cj.requests) {
      expect(canonicalRequest(r.request)).toBe(r.canonicalRequest);
      expect(bizHash(r.request)).toBe(r.bizHash);
    }
    // A request without a body and one with `{}` differ; so do two loans with the same body.
    expect(new Set(cj.requests.map((r: { bizHash: string }) => r.bizHash)).size).toBe(cj.requests.length);
  });
});
