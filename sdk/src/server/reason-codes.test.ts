/** Every reason code, each triggered by a real mutation of a real token. */
import { createHarness, editPart, flipBit, headerOf, sealWithStoredKeys, withHeader, postTo } from './test-kit';
import { ReasonCode, REASON_CODES_IN_ORDER } from '../protocol/reason-codes';
import { encodePayload } from '../protocol/token';
import { utf8Encode } from '../crypto/bytes';

async function setup(opts: Parameters<typeof createHarness>[0] = {}) {
  const h = createHarness(opts);
  const client = h.newClient();
  const body = { amount: '80000.00', termMonths: 6 };
  const fresh = () => client.seal('action', 'loan.apply', { n: 1 }, postTo(body));
  return { h, client, body, fresh };
}

const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);

describe('reason codes', () => {
  it('the const object lists exactly the documented codes, in verification order', () => {
    expect(REASON_CODES_IN_ORDER).toEqual([
      'MALFORMED',
      'SUITE_UNSUPPORTED',
      'SESSION_UNKNOWN',
      'SESSION_EXPIRED',
      'MAC_INVALID',
      'TS_SKEW',
      'REPLAY_NONCE',
      'SEQ_REWIND',
      'PAYLOAD_INVALID',
      'BIZ_MISMATCH',
      'SESSION_CUSTOMER_MISMATCH',
    ]);
  });

  it('control: the unmutated token verifies', async () => {
    const { h, body, fresh } = await setup();
    expect(codeOf(await h.server.verify(await fresh(), { request: postTo(body) }))).toBe('OK');
  });

  it('MAC_INVALID: one bit flipped in each of the four parts', async () => {
    const { h, body, fresh } = await setup();
    const token = await fresh();
    // Header: flip the low bit of ts (the header stays well-formed, so only the MAC can notice).
    const tsFlip = withHeader(token, { ts: headerOf(token).ts ^ 1 });
    const mutated = [
      tsFlip,
      editPart(token, 1, (b) => flipBit(b, 0)),
      editPart(token, 2, (b) => flipBit(b, 77)),
      editPart(token, 3, (b) => flipBit(b, 255)),
    ];
    for (const m of mutated) {
      expect(m).not.toBe(token);
      expect(codeOf(await h.server.verify(m, { request: postTo(body) }))).toBe(ReasonCode.MAC_INVALID);
    }
    // Raw bit flips in the header bytes mostly break the JSON: those are MALFORMED, never accepted.
    for (let bit = 0; bit < 64; bit++) {
      expect(['MALFORMED', 'MAC_INVALID', 'SUITE_UNSUPPORTED', 'SESSION_UNKNOWN']).toContain(
        codeOf(
          await h.server.verify(
            editPart(token, 0, (b) => flipBit(b, bit)),
            { request: postTo(body) },
          ),
        ),
      );
    }
    expect(codeOf(await h.server.verify(token, { request: postTo(body) }))).toBe('OK'); // mutants burnt nothing
  });

  it('MALFORMED / MAC_INVALID: parts reordered', async () => {
    const { h, client } = await setup();
    const token = await client.seal('telemetry', null, 1); // 32-byte ciphertext, same size as the MAC
    const [hd, iv, ct, mac] = token.split('.');
    expect(codeOf(await h.server.verify([hd, iv, mac, ct].join('.')))).toBe(ReasonCode.MAC_INVALID);
    expect(codeOf(await h.server.verify([hd, ct, iv, mac].join('.')))).toBe(ReasonCode.MALFORMED);
    expect(codeOf(await h.server.verify([iv, hd, ct, mac].join('.')))).toBe(ReasonCode.MALFORMED);
    expect(codeOf(await h.server.verify([mac, ct, iv, hd].join('.')))).toBe(ReasonCode.MALFORMED);
  });

  it('MALFORMED / MAC_INVALID: truncated', async () => {
    const { h, body, fresh } = await setup();
    const token = await fresh();
    for (const t of [
      token.slice(0, -1),
      token.slice(0, -4),
      token.slice(0, token.lastIndexOf('.')),
      token.split('.').slice(1).join('.'),
      '',
      '...',
      'a.b.c.d.e',
    ]) {
      expect(codeOf(await h.server.verify(t, { request: postTo(body) }))).toBe(ReasonCode.MALFORMED);
    }
    // Dropping a whole cipher block keeps every size valid: only the MAC can catch it.
    expect(
      codeOf(
        await h.server.verify(
          editPart(token, 2, (b) => b.slice(0, b.length - 16)),
          { request: postTo(body) },
        ),
      ),
    ).toBe(ReasonCode.MAC_INVALID);
    expect(codeOf(await h.server.verify(null as unknown as string))).toBe(ReasonCode.MALFORMED);
  });

  it('MALFORMED: non-canonical base64url in the MAC part (would otherwise decode to the same bytes)', async () => {
    const { h, body, fresh } = await setup();
    const token = await fresh();
    const last = token[token.length - 1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]; // flips a padding bit of the 32-byte MAC
    expect(codeOf(await h.server.verify(token.slice(0, -1) + sibling, { request: postTo(body) }))).toBe(
      ReasonCode.MALFORMED,
    );
  });

  it('SUITE_UNSUPPORTED: unknown suite or version', async () => {
    const { h, body, fresh } = await setup();
    const token = await fresh();
    expect(
      codeOf(await h.server.verify(withHeader(token, { suite: 'LJR9-SM2-SM3-SM4' }), { request: postTo(body) })),
    ).toBe(ReasonCode.SUITE_UNSUPPORTED);
    // v1 (body-only binding) is refused, as is a future version.
    for (const v of [1, 3])
      expect(codeOf(await h.server.verify(withHeader(token, { v }), { request: postTo(body) }))).toBe(
        ReasonCode.SUITE_UNSUPPORTED,
      );
  });

  it('SESSION_UNKNOWN: token from another server', async () => {
    const a = await setup();
    const b = await setup();
    expect(codeOf(await b.h.server.verify(await a.fresh(), { request: postTo(a.body) }))).toBe(
      ReasonCode.SESSION_UNKNOWN,
    );
  });

  it('MAC_INVALID: token of another session (sid swapped)', async () => {
    const { h, body, fresh } = await setup();
    const other = h.newClient();
    const otherSid = (await other.ensureSession()).sessionId;
    expect(codeOf(await h.server.verify(withHeader(await fresh(), { sid: otherSid }), { request: postTo(body) }))).toBe(
      ReasonCode.MAC_INVALID,
    );
  });

  it('SESSION_EXPIRED: session past its TTL (checked before anything else about the token)', async () => {
    const { h, body, fresh } = await setup({ sessionTtlMs: 5 * 60_000 });
    const token = await fresh();
    h.advance(5 * 60_000);
    expect(codeOf(await h.server.verify(token, { request: postTo(body) }))).toBe(ReasonCode.SESSION_EXPIRED);
  });

  it('TS_SKEW: server clock moves beyond the window (injected clock)', async () => {
    const { h, body, fresh } = await setup({ skewMs: 60_000 });
    const late = await fresh();
    h.advance(60_001);
    expect(codeOf(await h.server.verify(late, { request: postTo(body) }))).toBe(ReasonCode.TS_SKEW);
    h.advance(-120_002); // token from the future
    expect(codeOf(await h.server.verify(await fresh(), { request: postTo(body) }))).toBe('OK');
    const early = await fresh();
    h.advance(-60_001);
    expect(codeOf(await h.server.verify(early, { request: postTo(body) }))).toBe(ReasonCode.TS_SKEW);
  });

  it('REPLAY_NONCE: the same token twice', async () => {
    const { h, body, fresh } = await setup();
    const token = await fresh();
    expect(codeOf(await h.server.verify(token, { request: postTo(body) }))).toBe('OK');
    const replay = await h.server.verify(token, { request: postTo(body) });
    expect(replay).toMatchObject({ ok: false, code: ReasonCode.REPLAY_NONCE, header: headerOf(token) }); // authentic header: attributable
    const forged = await h.server.verify(
      editPart(token, 3, (b) => flipBit(b, 1)),
      { request: postTo(body) },
    );
    expect(forged.ok === false && forged.header).toBeUndefined(); // before the MAC nothing is attributed
  });

  it('SEQ_REWIND: an older token after a newer one', async () => {
    const { h, body, fresh } = await setup();
    const first = await fresh();
    const second = await fresh();
    expect(codeOf(await h.server.verify(second, { request: postTo(body) }))).toBe('OK');
    expect(codeOf(await h.server.verify(first, { request: postTo(body) }))).toBe(ReasonCode.SEQ_REWIND);
  });

  it('PAYLOAD_INVALID: schema hook refuses, wrong envelope, bad padding (made with the real session keys)', async () => {
    const { h, client } = await setup({
      validatePayload: (p) =>
        typeof p === 'object' && p !== null && 'signals' in p ? null : 'payload must have signals',
    });
    expect(codeOf(await h.server.verify(await client.seal('telemetry', null, { signals: {} })))).toBe('OK');
    const bad = await client.seal('telemetry', null, 42);
    const r = await h.server.verify(bad);
    expect(r).toMatchObject({ ok: false, code: ReasonCode.PAYLOAD_INVALID, message: 'payload must have signals' });
    const next = (seq: number) => ({
      ...headerOf(bad),
      seq,
      nonce: 'AAAAAAAAAAAAAAAAAAAA' + String.fromCharCode(65 + seq * 4) + 'A',
    });
    const crafted = [
      await sealWithStoredKeys(h.store, next(3), utf8Encode('not json')),
      await sealWithStoredKeys(h.store, next(4), utf8Encode('{"p":{"signals":1}}')),
      await sealWithStoredKeys(h.store, next(5), utf8Encode(JSON.stringify({ p: { signals: 1 }, dt: -5 }))),
    ];
    for (const t of crafted) expect(codeOf(await h.server.verify(t))).toBe(ReasonCode.PAYLOAD_INVALID);
    expect(
      codeOf(await h.server.verify(await sealWithStoredKeys(h.store, next(6), encodePayload({ signals: 1 }, 5)))),
    ).toBe('OK');
  });

  it('BIZ_MISMATCH: body edited in transit, body missing, wrong action or kind', async () => {
    const { h, client, body, fresh } = await setup();
    expect(codeOf(await h.server.verify(await fresh(), { request: postTo({ ...body, amount: '800000.00' }) }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
    expect(codeOf(await h.server.verify(await fresh()))).toBe(ReasonCode.BIZ_MISMATCH);
    expect(codeOf(await h.server.verify(await fresh(), { request: postTo(body), expectAction: 'drawdown' }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
    expect(codeOf(await h.server.verify(await fresh(), { request: postTo(body), expectKind: 'telemetry' }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
    expect(codeOf(await h.server.verify(await client.seal('telemetry', null, {}), { request: postTo(body) }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
  });

  it('nothing is decrypted before the MAC check', async () => {
    const { h, body, fresh } = await setup();
    const { ljr1NodeSuite } = await import('./ljr1-node-suite');
    const spy = jest.spyOn(ljr1NodeSuite, 'decrypt');
    await h.server.verify(
      editPart(await fresh(), 3, (b) => flipBit(b, 3)),
      { request: postTo(body) },
    );
    await h.server.verify(
      editPart(await fresh(), 2, (b) => flipBit(b, 3)),
      { request: postTo(body) },
    );
    expect(spy).not.toHaveBeenCalled();
    await h.server.verify(await fresh(), { request: postTo(body) });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
