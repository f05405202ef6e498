/**
 * sdk/test-vectors/ljg1-*.json: the files are what the generator (client implementation,
 * sm-crypto-v2) writes, and node:crypto reproduces every value — the GM/T examples, the handshake
 * response byte for byte, every token — and refuses each invalid request and token with its code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCipheriv, createECDH, createHash, createHmac, hkdfSync } from 'node:crypto';
import { createRiskServer } from './risk-server';
import { createMemoryStore } from './memory-store';
import { buildGmTestVectors, GM_VECTOR_FILES } from '../../scripts/test-vectors-gm';
import { vectorFileText } from '../../scripts/test-vectors';

const dir = path.join(__dirname, '..', '..', 'test-vectors');
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const pr = load(GM_VECTOR_FILES.primitives);
const hs = load(GM_VECTOR_FILES.handshake);
const tv = load(GM_VECTOR_FILES.tokens);
const inv = load(GM_VECTOR_FILES.invalid);
const b64 = (s: string) => Buffer.from(s, 'base64url');
const h = (s: string) => Buffer.from(s, 'hex');
const serverKey = { keyId: hs.server.keyId, privateKey: hs.server.privateKey, suite: hs.server.suite };

describe('LJG1 test vectors', () => {
  it('files are up to date with the generator (client implementation)', async () => {
    const built = await buildGmTestVectors();
    for (const [key, file] of Object.entries(GM_VECTOR_FILES))
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(vectorFileText(built[key as keyof typeof built]));
  });

  it('node:crypto reproduces the primitives: GM/T examples, HMAC-SM3, HKDF-SM3, SM4-CBC, SM2 ECDH', () => {
    expect(pr.sm3[0].digestHex).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    for (const c of pr.sm3) expect(createHash('sm3').update(c.inputAscii, 'ascii').digest('hex')).toBe(c.digestHex);
    expect(pr.sm4Block.ciphertextHex).toBe('681edf34d206965e86b3e94f536e4246');
    const ecb = createCipheriv('sm4-ecb', h(pr.sm4Block.keyHex), null).setAutoPadding(false);
    expect(Buffer.concat([ecb.update(h(pr.sm4Block.plaintextHex)), ecb.final()]).toString('hex')).toBe(
      pr.sm4Block.ciphertextHex,
    );
    expect(createHmac('sm3', h(pr.hmacSm3.keyHex)).update(h(pr.hmacSm3.dataHex)).digest('hex')).toBe(pr.hmacSm3.macHex);
    const k = pr.hkdfSm3;
    expect(Buffer.from(hkdfSync('sm3', h(k.ikmHex), h(k.saltHex), h(k.infoHex), k.length)).toString('hex')).toBe(
      k.okmHex,
    );
    const c = createCipheriv('sm4-cbc', h(pr.sm4Cbc.keyHex), h(pr.sm4Cbc.ivHex));
    expect(Buffer.concat([c.update(h(pr.sm4Cbc.plaintextHex)), c.final()]).toString('hex')).toBe(
      pr.sm4Cbc.ciphertextHex,
    );
    const a = createECDH('SM2');
    a.setPrivateKey(h(pr.sm2.privateKeyAHex));
    expect(a.getPublicKey('hex')).toBe(pr.sm2.publicKeyAHex);
    expect(a.computeSecret(h(pr.sm2.publicKeyBHex)).toString('hex')).toBe(pr.sm2.sharedSecretHex);
  });

  it('the handshake answers exactly the recorded response and refuses the invalid ephemeral keys', async () => {
    const draws = [b64(hs.serverRandomDraws.sid), b64(hs.serverRandomDraws.ns)];
    const store = createMemoryStore();
    const server = createRiskServer({
      keys: [serverKey],
      store,
      clock: () => hs.serverTime,
      sessionTtlMs: hs.server.sessionTtlMs,
      skewMs: hs.server.skewMs,
      random: (n) => {
        const d = draws.shift()!;
        expect(d.length).toBe(n);
        return d;
      },
    });
    expect(server.publicKeys()[0]).toMatchObject({ suite: hs.suite, publicKey: hs.server.publicKey });
    expect(await server.handshake(hs.request)).toEqual(hs.response);
    expect(await store.getSession(hs.response.sid)).toEqual(hs.session);
    expect(hs.invalidRequests).toHaveLength(3);
    for (const r of hs.invalidRequests)
      await expect(server.handshake(r.request)).rejects.toMatchObject({ code: r.code });
  });

  it('valid tokens verify in order; node:crypto reproduces each ciphertext, MAC and SM3 bizHash', async () => {
    let now = 0;
    const store = createMemoryStore();
    await store.putSession(tv.session);
    const server = createRiskServer({ keys: [serverKey], store, clock: () => now, skewMs: hs.server.skewMs });
    for (const t of tv.tokens) {
      now = t.verifyAt;
      const r = await server.verify(t.token, {
        request: t.request,
        expectKind: t.kind,
        ...(t.act ? { expectAction: t.act } : {}),
      });
      expect(r).toMatchObject({ ok: true, header: t.header, payload: t.payload, deviceTime: t.deviceTime });
      const c = createCipheriv('sm4-cbc', h(hs.derived.encKeyHex), h(t.ivHex));
      expect(Buffer.concat([c.update(t.plaintext, 'utf8'), c.final()]).toString('hex')).toBe(t.ciphertextHex);
      expect(createHmac('sm3', h(hs.derived.macKeyHex)).update(t.macInput, 'ascii').digest('hex')).toBe(t.macHex);
      if (t.canonicalRequest !== null)
        expect(createHash('sm3').update(t.canonicalRequest, 'utf8').digest('base64url')).toBe(t.bizHash);
    }
  });

  it('each invalid token fails with its recorded code', async () => {
    expect(inv.cases.length).toBe(5);
    for (const c of inv.cases) {
      const store = createMemoryStore();
      await store.putSession(inv.session);
      const server = createRiskServer({ keys: [serverKey], store, clock: () => c.now, skewMs: inv.server.skewMs });
      for (const b of c.before) expect((await server.verify(b.token, b.context)).ok).toBe(true);
      expect([c.description, await server.verify(c.token, c.context)]).toMatchObject([
        c.description,
        { ok: false, code: c.code },
      ]);
    }
  });
});
