/**
 * Server-side check of sdk/test-vectors with the node:crypto implementation: the handshake
 * handler must answer exactly the recorded response, every valid token must verify, and every
 * invalid token must fail with its recorded code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash, createHmac, createCipheriv } from 'node:crypto';
import { createRiskServer } from './risk-server';
import { createMemoryStore } from './memory-store';
import { ljr1NodeSuite } from './ljr1-node-suite';

const dir = path.join(__dirname, '..', '..', 'test-vectors');
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const hs = load('ljr1-handshake.json');
const tv = load('ljr1-tokens.json');
const inv = load('ljr1-invalid-tokens.json');
const cj = load('canonical-json.json');
const b64 = (s: string) => Buffer.from(s, 'base64url');

describe('test vectors (node:crypto server)', () => {
  it('handshake answers exactly the recorded response and stores the recorded session', async () => {
    const draws = [b64(hs.serverRandomDraws.sid), b64(hs.serverRandomDraws.ns)];
    const store = createMemoryStore();
    const server = createRiskServer({
      keys: [{ keyId: hs.server.keyId, privateKey: hs.server.privateKey }],
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
    expect(server.publicKeys()[0].publicKey).toBe(hs.server.publicKey);
    expect(await server.handshake(hs.request)).toEqual(hs.response);
    expect(await store.getSession(hs.response.sid)).toEqual(hs.session);
    expect(
      Buffer.from(ljr1NodeSuite.sharedSecret(b64(hs.server.privateKey), b64(hs.request.epk))).toString('hex'),
    ).toBe(hs.derived.sharedSecretHex);
  });

  it('valid tokens verify in order, with the recorded header and payload', async () => {
    let now = 0;
    const store = createMemoryStore();
    await store.putSession(tv.session);
    const server = createRiskServer({
      keys: [{ keyId: hs.server.keyId, privateKey: hs.server.privateKey }],
      store,
      clock: () => now,
      skewMs: hs.server.skewMs,
    });
    for (const t of tv.tokens) {
      now = t.verifyAt;
      const r = await server.verify(t.token, {
        request: t.request,
        expectKind: t.kind,
        ...(t.act ? { expectAction: t.act } : {}),
      });
      expect(r).toEqual({
        ok: true,
        header: t.header,
        payload: t.payload,
        deviceTime: t.deviceTime,
        session: {
          id: tv.session.id,
          keyId: tv.session.keyId,
          createdAt: tv.session.createdAt,
          expiresAt: tv.session.expiresAt,
          customerId: null,
        },
      });
    }
  });

  it('node:crypto reproduces each ciphertext and MAC from the recorded plaintext, IV and keys', () => {
    for (const t of tv.tokens) {
      const c = createCipheriv('aes-256-cbc', Buffer.from(hs.derived.encKeyHex, 'hex'), Buffer.from(t.ivHex, 'hex'));
      expect(Buffer.concat([c.update(t.plaintext, 'utf8'), c.final()]).toString('hex')).toBe(t.ciphertextHex);
      expect(
        createHmac('sha256', Buffer.from(hs.derived.macKeyHex, 'hex')).update(t.macInput, 'ascii').digest('hex'),
      ).toBe(t.macHex);
    }
  });

  it('each invalid token fails with its recorded code', async () => {
    expect(inv.cases.length).toBeGreaterThan(20);
    for (const c of inv.cases) {
      const store = createMemoryStore();
      await store.putSession(inv.session);
      const server = createRiskServer({
        keys: [{ keyId: inv.server.keyId, privateKey: inv.server.privateKey }],
        store,
        clock: () => c.now,
        skewMs: inv.server.skewMs,
      });
      for (const b of c.before) expect((await server.verify(b.token, b.context)).ok).toBe(true);
      expect([c.description, await server.verify(c.token, c.context)]).toMatchObject([
        c.description,
        { ok: false, code: c.code },
      ]);
    }
  });

  it('bizHash cases with node:crypto SHA-256 over the canonical request text', () => {
    for (const r of cj.requests)
      expect(createHash('sha256').update(r.canonicalRequest, 'utf8').digest('base64url')).toBe(r.bizHash);
  });
});
