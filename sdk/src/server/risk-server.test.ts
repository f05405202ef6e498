import { createHarness, T0, postTo } from './test-kit';
import { HandshakeRejectedError } from './risk-server';
import { HandshakeError } from '../protocol/session-client';
import { HANDSHAKE_PATH } from '../protocol/constants';
import { base64UrlEncode } from '../crypto/base64url';
import { generateServerKeyPair } from './keygen';

describe('client → server round trip', () => {
  it('handshakes lazily, then verifies telemetry and action tokens with strictly increasing seq', async () => {
    const h = createHarness();
    const client = h.newClient();
    expect(h.handshakeCalls).toBe(0);
    const t1 = await client.seal('telemetry', null, { events: [{ id: 'e1', type: 'app.show' }] });
    expect(h.handshakeCalls).toBe(1);
    const body = { amount: '50000.00', termMonths: 12, uscc: '91310000MA1FL4XXXX' };
    const t2 = await client.seal('action', 'loan.apply', { signals: { proxy: false } }, postTo(body));

    const r1 = await h.server.verify(t1, { expectKind: 'telemetry' });
    expect(r1).toMatchObject({ ok: true, payload: { events: [{ id: 'e1', type: 'app.show' }] }, deviceTime: T0 });
    // Field order of the received body does not matter: bizHash is over RFC 8785 canonical JSON.
    const r2 = await h.server.verify(t2, {
      request: postTo({ uscc: body.uscc, termMonths: 12, amount: '50000.00' }),
      expectAction: 'loan.apply',
    });
    expect(r2.ok).toBe(true);
    if (!r1.ok || !r2.ok) return;
    expect([r1.header.seq, r2.header.seq]).toEqual([1, 2]);
    expect(r2.header).toMatchObject({ v: 2, kind: 'action', act: 'loan.apply', sid: r1.session.id });
    expect(r2.session.keyId).toBe('k-current');
    expect(h.handshakeCalls).toBe(1);
  });

  it('corrects timestamps by the server time offset when the device clock is hours off', async () => {
    const h = createHarness();
    h.deviceOffsetMs = -3 * 3600_000;
    const client = h.newClient();
    const info = await client.ensureSession();
    expect(info.clockOffsetMs).toBe(3 * 3600_000);
    const token = await client.seal('telemetry', null, { x: 1 });
    const r = await h.server.verify(token);
    expect(r.ok && r.header.ts).toBe(h.now());
    expect(r.ok && r.deviceTime).toBe(h.now() - 3 * 3600_000); // raw device time travels inside
  });

  it('re-handshakes before the session expires and after reset()', async () => {
    const h = createHarness({ sessionTtlMs: 10 * 60_000 });
    const client = h.newClient();
    const s1 = await client.ensureSession();
    expect(s1.expiresAt).toBe(T0 + 10 * 60_000);
    h.advance(9.5 * 60_000); // inside the 60 s refresh margin
    const token = await client.seal('telemetry', null, {});
    const s2 = await client.ensureSession();
    expect(s2.sessionId).not.toBe(s1.sessionId);
    expect(s2.lastSeq).toBe(1);
    expect((await h.server.verify(token)).ok).toBe(true);
    client.reset();
    expect((await client.ensureSession()).sessionId).not.toBe(s2.sessionId);
    expect(h.handshakeCalls).toBe(3);
  });

  it('concurrent seals share one handshake and get distinct, increasing seqs', async () => {
    const h = createHarness();
    const client = h.newClient();
    const tokens = await Promise.all(Array.from({ length: 5 }, (_, i) => client.seal('telemetry', null, { i })));
    expect(h.handshakeCalls).toBe(1);
    for (const t of tokens) expect((await h.server.verify(t)).ok).toBe(true);
  });

  it('rejects a server that cannot prove it holds the configured key (MITM answering the handshake)', async () => {
    const h = createHarness();
    const impostor = generateServerKeyPair({ keyId: 'k-current' });
    const mitm = createHarness();
    // The client trusts h's public key but a proxy forwards the handshake to a server with another key.
    const client = h.newClient({ serverPublicKey: impostor.publicKey });
    await expect(client.ensureSession()).rejects.toMatchObject({ code: 'KEY_CONFIRMATION_FAILED' });
    const client2 = h.newClient({ post: async (_p, body) => mitm.server.handshake(body) });
    await expect(client2.seal('telemetry', null, {})).rejects.toBeInstanceOf(HandshakeError);
  });

  it('rejects tampered handshake responses', async () => {
    const h = createHarness();
    const tamper = (patch: Record<string, unknown>) =>
      h.newClient({ post: async (_p, body) => ({ ...(await h.server.handshake(body)), ...patch }) });
    await expect(tamper({ st: T0 - 3600_000 }).ensureSession()).rejects.toMatchObject({
      code: 'KEY_CONFIRMATION_FAILED',
    });
    await expect(tamper({ exp: T0 + 999 * 3600_000 }).ensureSession()).rejects.toMatchObject({
      code: 'KEY_CONFIRMATION_FAILED',
    });
    await expect(tamper({ extra: 1 }).ensureSession()).rejects.toMatchObject({ code: 'HANDSHAKE_RESPONSE_INVALID' });
    await expect(
      h
        .newClient({
          post: async () => {
            throw new Error('HTTP 502');
          },
        })
        .ensureSession(),
    ).rejects.toMatchObject({ code: 'HANDSHAKE_TRANSPORT' });
  });

  it('server refuses malformed, unknown-key, unknown-suite and low-order handshakes', async () => {
    const h = createHarness();
    const good = {
      v: 2,
      suite: 'LJR1-X25519-HMAC-SHA256-AES256CBC',
      kid: 'k-current',
      epk: h.key.publicKey,
      nc: base64UrlEncode(new Uint8Array(16).fill(1)),
    };
    await expect(h.server.handshake(good)).resolves.toMatchObject({ kid: 'k-current' });
    const cases: Array<[unknown, string]> = [
      [null, 'MALFORMED'],
      [{ ...good, extra: 1 }, 'MALFORMED'],
      [{ ...good, nc: 'short' }, 'MALFORMED'],
      [{ ...good, epk: base64UrlEncode(new Uint8Array(32)) }, 'MALFORMED'],
      [{ ...good, epk: base64UrlEncode(new Uint8Array(31).fill(5)) }, 'MALFORMED'],
      [{ ...good, kid: 'k-other' }, 'KEY_UNKNOWN'],
      [{ ...good, suite: 'SM2-SM3-SM4' }, 'SUITE_UNSUPPORTED'],
    ];
    for (const [body, code] of cases) {
      await expect(h.server.handshake(body)).rejects.toMatchObject({ code });
      await expect(h.server.handshake(body)).rejects.toBeInstanceOf(HandshakeRejectedError);
    }
    expect(h.store.size().sessions).toBe(1);
  });

  it('validates seal arguments before any network traffic', async () => {
    const h = createHarness();
    const c = h.newClient();
    await expect(c.seal('action', null, {})).rejects.toThrow(TypeError);
    await expect(c.seal('action', 'Loan Apply', {})).rejects.toThrow(TypeError);
    await expect(c.seal('telemetry', 'loan.apply', {})).rejects.toThrow(TypeError);
    await expect(c.seal('telemetry', null, undefined)).rejects.toThrow(TypeError);
    await expect(c.seal('action', 'loan.apply', {}, postTo({ amount: NaN }))).rejects.toThrow(/NaN/);
    expect(h.handshakeCalls).toBe(0);
    expect(() => h.newClient({ serverPublicKey: 'abc' })).toThrow(/serverPublicKey/);
    expect(() => h.newClient({ keyId: 'bad key id' })).toThrow(/keyId/);
    expect(HANDSHAKE_PATH).toBe('/risk/handshake');
  });

  it('purges expired sessions and nonces from the store', async () => {
    const h = createHarness({ sessionTtlMs: 60_000, purgeIntervalMs: 1 });
    const c = h.newClient();
    expect((await h.server.verify(await c.seal('telemetry', null, {}))).ok).toBe(true);
    expect(h.store.size()).toEqual({ sessions: 1, nonces: 1 });
    h.advance(10 * 60_000);
    await h.server.verify('x.y.z.w');
    await new Promise((r) => setImmediate(r));
    expect(h.store.size()).toEqual({ sessions: 0, nonces: 0 });
  });
});
