/**
 * Pluggability: a second suite is registered on both sides and used end to end without any change
 * to createSessionClient / createRiskServer callers beyond naming it. (Stands in for a 国密 suite.)
 */
import { randomFillSync } from 'node:crypto';
import { createRiskServer } from './risk-server';
import { ljr1NodeSuite } from './ljr1-node-suite';
import { generateServerKeyPair } from './keygen';
import { createSuiteRegistry, type CipherSuite } from '../protocol/suite';
import { ljr1JsSuite } from '../protocol/suites/ljr1-js';
import { createSessionClient } from '../protocol/session-client';
import { createRandomPool } from '../crypto/random-pool';
import { postTo } from './test-kit';

// Same primitives, different name and a different hash for bizHash (SHA-256 twice): enough to show
// that names route to implementations and that bizHash follows the suite.
const rename = (base: CipherSuite): CipherSuite => ({
  ...base,
  name: 'TEST-ALT-SUITE',
  hash: (d) => base.hash(base.hash(d)),
});

describe('suite registry', () => {
  it('a newly registered suite works end to end and is refused where not allowed', async () => {
    const key = generateServerKeyPair({ keyId: 'alt-1' });
    const server = createRiskServer({
      keys: [{ keyId: 'alt-1', privateKey: key.privateKey, suite: 'TEST-ALT-SUITE' }],
      suites: createSuiteRegistry([ljr1NodeSuite, rename(ljr1NodeSuite)]),
    });
    const pool = createRandomPool((b) => {
      randomFillSync(b);
    });
    const client = createSessionClient({
      serverPublicKey: key.publicKey,
      keyId: 'alt-1',
      random: pool.bytes,
      now: Date.now,
      post: async (_p, b) => server.handshake(b),
      suite: 'TEST-ALT-SUITE',
      suites: createSuiteRegistry([ljr1JsSuite, rename(ljr1JsSuite)]),
    });
    const token = await client.seal('action', 'repay', { ok: 1 }, postTo({ amount: '1.00' }));
    const r = await server.verify(token, { request: postTo({ amount: '1.00' }) });
    expect(r.ok && r.header.suite).toBe('TEST-ALT-SUITE');

    // A client asking for the default suite against a key registered for the other suite is refused.
    const wrong = createSessionClient({
      serverPublicKey: key.publicKey,
      keyId: 'alt-1',
      random: pool.bytes,
      now: Date.now,
      post: async (_p, b) => server.handshake(b),
    });
    await expect(wrong.ensureSession()).rejects.toMatchObject({ cause: { code: 'SUITE_UNSUPPORTED' } });

    // A server that does not allow the suite refuses its tokens before touching the store.
    const strict = createRiskServer({
      keys: [{ keyId: 'alt-1', privateKey: key.privateKey }],
      allowedSuites: ['LJR1-X25519-HMAC-SHA256-AES256CBC'],
    });
    expect(await strict.verify(token)).toMatchObject({ ok: false, code: 'SUITE_UNSUPPORTED' });
  });

  it('rejects suite names that are not valid wire names', () => {
    expect(() => createSuiteRegistry([{ ...ljr1JsSuite, name: 'bad name' }])).toThrow(/wire name/);
  });
});
