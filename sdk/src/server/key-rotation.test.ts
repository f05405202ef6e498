import { createRiskServer } from './risk-server';
import { createMemoryStore } from './memory-store';
import { generateServerKeyPair } from './keygen';
import { createSessionClient } from '../protocol/session-client';
import { createRandomPool } from '../crypto/random-pool';
import { randomFillSync } from 'node:crypto';
import { T0 } from './test-kit';

describe('key rotation', () => {
  const oldKey = generateServerKeyPair({ keyId: 'k-2026-01' });
  const newKey = generateServerKeyPair({ keyId: 'k-2026-07' });
  const graceEnds = T0 + 24 * 3600_000;

  function setup() {
    let now = T0;
    const store = createMemoryStore();
    const server = createRiskServer({
      keys: [
        { keyId: newKey.keyId, privateKey: newKey.privateKey },
        { keyId: oldKey.keyId, privateKey: oldKey.privateKey, notAfter: graceEnds },
      ],
      store,
      clock: () => now,
      sessionTtlMs: 3600_000,
      purgeIntervalMs: 0,
    });
    const pool = createRandomPool((b) => {
      randomFillSync(b);
    });
    const clientFor = (k: typeof oldKey) =>
      createSessionClient({
        serverPublicKey: k.publicKey,
        keyId: k.keyId,
        random: pool.bytes,
        now: () => now,
        post: async (_p, body) => server.handshake(body),
      });
    return {
      server,
      clientFor,
      setNow: (t: number) => {
        now = t;
      },
    };
  }

  it('accepts clients on the old key during the grace period, refuses them after', async () => {
    const { server, clientFor, setNow } = setup();
    const oldApp = clientFor(oldKey);
    const newApp = clientFor(newKey);
    expect((await server.verify(await oldApp.seal('telemetry', null, {}))).ok).toBe(true);
    expect((await server.verify(await newApp.seal('telemetry', null, {}))).ok).toBe(true);
    expect(server.publicKeys().map((k) => k.keyId)).toEqual(['k-2026-07', 'k-2026-01']);

    // Near the end of the grace period the old-key session is cut to end at notAfter.
    setNow(graceEnds - 10 * 60_000);
    const late = clientFor(oldKey);
    expect((await late.ensureSession()).expiresAt).toBe(graceEnds);
    const lateToken = await late.seal('telemetry', null, {});
    expect((await server.verify(lateToken)).ok).toBe(true);

    setNow(graceEnds);
    const afterGrace = await late.seal('telemetry', null, {}).catch((e) => e);
    // Re-handshake refused: the app must ship the new key.
    expect(afterGrace).toMatchObject({ code: 'HANDSHAKE_TRANSPORT', cause: { code: 'KEY_RETIRED' } });
    expect(await server.verify(lateToken)).toMatchObject({ ok: false, code: 'SESSION_EXPIRED' });
    expect((await server.verify(await clientFor(newKey).seal('telemetry', null, {}))).ok).toBe(true);
  });

  it('a session whose key was removed from the configuration is refused', async () => {
    const store = createMemoryStore();
    const a = createRiskServer({
      keys: [{ keyId: oldKey.keyId, privateKey: oldKey.privateKey }],
      store,
      clock: () => T0,
    });
    const pool = createRandomPool((b) => {
      randomFillSync(b);
    });
    const c = createSessionClient({
      serverPublicKey: oldKey.publicKey,
      keyId: oldKey.keyId,
      random: pool.bytes,
      now: () => T0,
      post: async (_p, b) => a.handshake(b),
    });
    const token = await c.seal('telemetry', null, {});
    const b = createRiskServer({
      keys: [{ keyId: newKey.keyId, privateKey: newKey.privateKey }],
      store,
      clock: () => T0,
    });
    expect(await b.verify(token)).toMatchObject({ ok: false, code: 'SESSION_EXPIRED' });
  });

  it('refuses bad key configuration', () => {
    expect(() => createRiskServer({ keys: [] })).toThrow(/at least one key/);
    expect(() => createRiskServer({ keys: [{ keyId: 'a', privateKey: 'c2hvcnQ' }] })).toThrow(/32 bytes/);
    expect(() =>
      createRiskServer({
        keys: [
          { keyId: 'a', privateKey: oldKey.privateKey },
          { keyId: 'a', privateKey: newKey.privateKey },
        ],
      }),
    ).toThrow(/duplicate/);
  });

  it('keygen output is a usable pair (the public key matches the private key)', () => {
    const k = generateServerKeyPair();
    expect(k.keyId).toMatch(/^ljr1-\d{8}-[0-9a-f]{8}$/);
    const server = createRiskServer({ keys: [{ keyId: k.keyId, privateKey: k.privateKey }] });
    expect(server.publicKeys()[0].publicKey).toBe(k.publicKey);
  });
});
