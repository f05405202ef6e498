/**
 * LJG1 (SM2 + HMAC-SM3 + SM4-CBC) end to end: the client session on the sm-crypto-v2 suite against
 * createRiskServer on node:crypto, key generation, the bank's suite allow-list and the choice of
 * suite by the configured key, and the usual refusals (tampering, invalid ephemeral keys).
 */
import { createHash, randomFillSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { createRiskServer, type RiskServerOptions } from './risk-server';
import { createMemoryStore } from './memory-store';
import { generateServerKeyPair, type GeneratedServerKey } from './keygen';
import { resolveSuiteName } from './key-ring';
import { editPart, flipBit, headerOf, postTo } from './test-kit';
import { createSessionClient, type SessionClientOptions } from '../protocol/session-client';
import { createSuiteRegistry } from '../protocol/suite';
import { ljr1JsSuite } from '../protocol/suites/ljr1-js';
import { ljg1JsSuite } from '../protocol/suites/ljg1-js';
import { LJG1_SUITE } from '../protocol/suites/ljg1-params';
import { DEFAULT_SUITE, PROTOCOL_VERSION } from '../protocol/constants';
import { canonicalRequest } from '../crypto/biz-hash';
import { createRandomPool } from '../crypto/random-pool';
import { base64UrlDecode, base64UrlEncode } from '../crypto/base64url';

const pool = createRandomPool((b) => {
  randomFillSync(b);
});
const clientSuites = createSuiteRegistry([ljr1JsSuite, ljg1JsSuite]);

function clientFor(
  server: ReturnType<typeof createRiskServer>,
  key: GeneratedServerKey,
  overrides: Partial<SessionClientOptions> = {},
) {
  return createSessionClient({
    serverPublicKey: key.publicKey,
    keyId: key.keyId,
    suite: key.suite, // the client follows the suite of the key it is configured with
    suites: clientSuites,
    random: pool.bytes,
    now: Date.now,
    post: async (_p, body) => JSON.parse(JSON.stringify(await server.handshake(JSON.parse(JSON.stringify(body))))),
    ...overrides,
  });
}

function serverWith(keys: GeneratedServerKey[], opts: Partial<RiskServerOptions> = {}) {
  return createRiskServer({
    keys: keys.map((k) => ({ keyId: k.keyId, privateKey: k.privateKey, suite: k.suite })),
    store: createMemoryStore(),
    purgeIntervalMs: 0,
    ...opts,
  });
}

describe('LJG1 suite end to end', () => {
  const sm2Key = generateServerKeyPair({ keyId: 'gm-1', suite: 'LJG1' });
  const x25519Key = generateServerKeyPair({ keyId: 'x-1' });

  it('keygen makes SM2 keys: 32-byte scalar, 65-byte uncompressed public key, LJG1 wire name', () => {
    expect(sm2Key.suite).toBe(LJG1_SUITE);
    expect(base64UrlDecode(sm2Key.privateKey)).toHaveLength(32);
    const pub = base64UrlDecode(sm2Key.publicKey);
    expect(pub).toHaveLength(65);
    expect(pub[0]).toBe(4);
    expect(generateServerKeyPair({ suite: LJG1_SUITE }).keyId).toMatch(/^ljg1-\d{8}-[0-9a-f]{8}$/);
    expect(() => generateServerKeyPair({ suite: 'LJX9' })).toThrow(/unknown suite/);
    expect(serverWith([sm2Key]).publicKeys()).toEqual([
      { keyId: 'gm-1', suite: LJG1_SUITE, publicKey: sm2Key.publicKey },
    ]);
  });

  it('keygen CLI: --suite LJG1', () => {
    const out = execFileSync('npx', ['tsx', path.join(__dirname, 'keygen.ts'), '--suite', 'LJG1', '--kid', 'cli-gm'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toMatchObject({ keyId: 'cli-gm', suite: LJG1_SUITE });
  });

  it('handshake, seal and verify round trip; bizHash is SM3 over the canonical request', async () => {
    const server = serverWith([sm2Key]);
    const client = clientFor(server, sm2Key);
    const info = await client.ensureSession();
    expect(info.suite).toBe(LJG1_SUITE);
    const req = postTo({ amountFen: 5_000_000, purpose: '进货' }, '/api/contracts/C-1/drawdown');
    const token = await client.seal('action', 'drawdown', { signals: { ok: true } }, req);
    const header = headerOf(token);
    expect(header).toMatchObject({ v: PROTOCOL_VERSION, suite: LJG1_SUITE, kind: 'action', act: 'drawdown' });
    expect(header.bh).toBe(createHash('sm3').update(canonicalRequest(req), 'utf8').digest('base64url'));
    const r = await server.verify(token, { request: req, expectKind: 'action', expectAction: 'drawdown' });
    expect(r).toMatchObject({ ok: true, payload: { signals: { ok: true } }, header: { suite: LJG1_SUITE } });

    const telemetry = await client.seal('telemetry', null, { events: [] });
    expect(await server.verify(telemetry, { expectKind: 'telemetry' })).toMatchObject({ ok: true });
  });

  it('the client handshakes and seals without Math.random (keys, IVs and nonces from the SDK pool)', async () => {
    const server = serverWith([sm2Key]);
    const client = clientFor(server, sm2Key);
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    try {
      await client.ensureSession();
      const token = await client.seal('telemetry', null, { n: 1 });
      expect(spy).not.toHaveBeenCalled();
      expect(await server.verify(token)).toMatchObject({ ok: true });
    } finally {
      spy.mockRestore();
    }
  });

  it('tampering and a moved token are refused with the same codes as LJR1', async () => {
    const server = serverWith([sm2Key]);
    const client = clientFor(server, sm2Key);
    const req = postTo({ amountFen: 100 }, '/api/loans/L-A/repay');
    const t1 = await client.seal('action', 'repay', {}, req);
    expect(
      await server.verify(
        editPart(t1, 2, (b) => flipBit(b, 3)),
        { request: req },
      ),
    ).toMatchObject({
      ok: false,
      code: 'MAC_INVALID',
    });
    expect(await server.verify(t1, { request: postTo({ amountFen: 100 }, '/api/loans/L-B/repay') })).toMatchObject({
      ok: false,
      code: 'BIZ_MISMATCH',
    });
    expect(await server.verify(t1, { request: req })).toMatchObject({ ok: false, code: 'REPLAY_NONCE' });
  });

  it('the server refuses invalid SM2 ephemeral keys in the handshake (MALFORMED)', async () => {
    const server = serverWith([sm2Key]);
    let captured: Record<string, unknown> | undefined;
    await clientFor(server, sm2Key, {
      post: async (_p, body) => {
        captured = body as Record<string, unknown>;
        return server.handshake(body);
      },
    }).ensureSession();
    const epk = base64UrlDecode(captured!.epk as string);
    const offCurve = Uint8Array.from(epk);
    offCurve[64] ^= 1;
    const compressed = Uint8Array.of(2 + (epk[64] & 1), ...epk.slice(1, 33));
    const zero = new Uint8Array(65);
    zero[0] = 4;
    for (const bad of [offCurve, compressed, zero])
      await expect(server.handshake({ ...captured, epk: base64UrlEncode(bad) })).rejects.toMatchObject({
        code: 'MALFORMED',
      });
  });

  it('the bank chooses the suites: by default those it holds keys for, or an explicit allow-list', async () => {
    // Both keys configured: an LJR1 app and an LJG1 app both work.
    const both = serverWith([x25519Key, sm2Key]);
    for (const key of [x25519Key, sm2Key]) {
      const c = clientFor(both, key);
      const t = await c.seal('telemetry', null, {});
      expect(await both.verify(t)).toMatchObject({ ok: true, header: { suite: key.suite } });
    }
    // Only the LJR1 key: the 国密 suite is off, whatever the registry holds.
    const ljr1Only = serverWith([x25519Key]);
    await expect(clientFor(ljr1Only, { ...sm2Key, keyId: x25519Key.keyId }).ensureSession()).rejects.toMatchObject({
      cause: { code: 'SUITE_UNSUPPORTED' },
    });
    // Explicit allow-list by short name: LJG1 key configured but not allowed → refused.
    const strict = serverWith([x25519Key, sm2Key], { allowedSuites: ['LJR1'] });
    await expect(clientFor(strict, sm2Key).ensureSession()).rejects.toMatchObject({
      cause: { code: 'SUITE_UNSUPPORTED' },
    });
    // …and an LJG1 token from a session made elsewhere is refused before the store is touched.
    const t = await clientFor(both, sm2Key).seal('telemetry', null, {});
    expect(await strict.verify(t)).toMatchObject({ ok: false, code: 'SUITE_UNSUPPORTED' });
    // A client asking for LJR1 with the LJG1 key id is refused: the key fixes the suite.
    await expect(
      clientFor(both, { ...sm2Key, suite: DEFAULT_SUITE, publicKey: x25519Key.publicKey }).ensureSession(),
    ).rejects.toMatchObject({ cause: { code: 'SUITE_UNSUPPORTED' } });
  });

  it('configuration errors are reported at start-up, naming the key but never its bytes', () => {
    expect(() => serverWith([x25519Key], { allowedSuites: ['LJG2'] })).toThrow(/LJG2 is not registered/);
    const n = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123';
    const badKey = base64UrlEncode(Buffer.from(n, 'hex'));
    let message = '';
    try {
      createRiskServer({ keys: [{ keyId: 'gm-bad', privateKey: badKey, suite: 'LJG1' }] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/gm-bad: privateKey is not a valid LJG1-SM2-HMAC-SM3-SM4CBC key/);
    expect(message).not.toContain(badKey);
    expect(resolveSuiteName('LJG1')).toBe(LJG1_SUITE);
    expect(resolveSuiteName('LJR1')).toBe(DEFAULT_SUITE);
    expect(resolveSuiteName('OTHER-NAME')).toBe('OTHER-NAME');
  });
});
