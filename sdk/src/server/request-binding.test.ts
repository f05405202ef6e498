/**
 * Issue #8, binding: a token binds the whole request (method, path with its resource ids, body),
 * its session binds to the first customer it acts for, and a header has exactly one spelling.
 */
import { createHarness, headerOf, postTo, sealHeaderText, T0 } from './test-kit';
import { ReasonCode } from '../protocol/reason-codes';
import { encodePayload, type TokenHeader } from '../protocol/token';
import { canonicalJson } from '../crypto/canonical-json';
import { base64UrlEncode } from '../crypto/base64url';
import { utf8Encode } from '../crypto/bytes';

const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);
const repayBody = { kind: 'current', expectedAmountFen: 1_733_125 };
const repay = (loanId: string) => ({ method: 'POST', path: `/api/loans/${loanId}/repay`, body: repayBody });
const drawBody = { amountFen: 5_000_000, accountId: 'acc-1' };
const draw = (contractId: string) => ({
  method: 'POST',
  path: `/api/contracts/${contractId}/drawdown`,
  body: drawBody,
});

describe('a token binds method, path (with resource ids) and body', () => {
  it('a repayment token for loan A is refused on loan B, and accepted on loan A', async () => {
    const h = createHarness();
    const c = h.newClient();
    const ctx = (loanId: string) => ({ request: repay(loanId), expectKind: 'action' as const, expectAction: 'repay' });
    expect(codeOf(await h.server.verify(await c.seal('action', 'repay', {}, repay('L-A')), ctx('L-B')))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
    expect(codeOf(await h.server.verify(await c.seal('action', 'repay', {}, repay('L-A')), ctx('L-A')))).toBe('OK');
  });

  it('a drawdown token for contract A is refused on contract B', async () => {
    const h = createHarness();
    const c = h.newClient();
    const token = await c.seal('action', 'drawdown', {}, draw('C-A'));
    expect(codeOf(await h.server.verify(token, { request: draw('C-B'), expectAction: 'drawdown' }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
  });

  it('method, path and body each change the binding; one code for all of them', async () => {
    const h = createHarness();
    const c = h.newClient();
    const req = repay('L-A');
    for (const other of [
      { ...req, method: 'PUT' },
      { ...req, path: '/api/loans/L-A/repay/' },
      { ...req, path: '/api/loans/l-a/repay' },
      { ...req, body: { ...repayBody, expectedAmountFen: 1 } },
      { method: req.method, path: req.path }, // no body
    ])
      expect(codeOf(await h.server.verify(await c.seal('action', 'repay', {}, req), { request: other }))).toBe(
        ReasonCode.BIZ_MISMATCH,
      );
    // A path the verifier cannot canonicalise (a query left on it) is a binding failure too, not a throw.
    const withQuery = { ...req, path: '/api/loans/L-A/repay?x=1' };
    expect(codeOf(await h.server.verify(await c.seal('action', 'repay', {}, req), { request: withQuery }))).toBe(
      ReasonCode.BIZ_MISMATCH,
    );
  });

  it('the client refuses to seal an action without its request, or telemetry with one', async () => {
    const c = createHarness().newClient();
    await expect(c.seal('action', 'repay', {})).rejects.toThrow(/method, path/);
    await expect(c.seal('telemetry', null, {}, postTo({}))).rejects.toThrow(TypeError);
    await expect(c.seal('action', 'repay', {}, { method: 'POST', path: '/api/x?y=1', body: {} })).rejects.toThrow(
      /without query/,
    );
  });
});

describe('a risk session is bound to the first customer it acts for', () => {
  it("a token from customer A's session is refused on customer B's request; A keeps working", async () => {
    const h = createHarness();
    const c = h.newClient();
    const req = repay('L-A');
    const first = await h.server.verify(await c.seal('action', 'repay', {}, req), { request: req, customerId: 'A' });
    expect(first).toMatchObject({ ok: true, session: { customerId: 'A' } });
    const onB = await h.server.verify(await c.seal('action', 'repay', {}, req), { request: req, customerId: 'B' });
    expect(onB).toMatchObject({ ok: false, code: ReasonCode.SESSION_CUSTOMER_MISMATCH });
    // The failure is attributed: the header is authentic by then.
    expect(onB.ok ? null : onB.header?.sid).toBe(headerOf(await c.seal('telemetry', null, {})).sid);
    expect(
      await h.server.verify(await c.seal('action', 'repay', {}, req), { request: req, customerId: 'A' }),
    ).toMatchObject({ ok: true });
  });

  it('pre-login tokens leave the session unbound; a new session (logout, account switch) binds anew', async () => {
    const h = createHarness();
    const c = h.newClient();
    expect(await h.server.verify(await c.seal('telemetry', null, {}))).toMatchObject({
      ok: true,
      session: { customerId: null },
    });
    const req = repay('L-A');
    expect(
      await h.server.verify(await c.seal('action', 'repay', {}, req), { request: req, customerId: 'A' }),
    ).toMatchObject({ ok: true });
    c.reset(); // what the app does on logout
    expect(
      await h.server.verify(await c.seal('action', 'repay', {}, req), { request: req, customerId: 'B' }),
    ).toMatchObject({ ok: true, session: { customerId: 'B' } });
  });

  it('a token that fails an earlier step does not bind the session', async () => {
    const h = createHarness();
    const c = h.newClient();
    const req = repay('L-A');
    const wrongRoute = await h.server.verify(await c.seal('action', 'repay', {}, req), {
      request: repay('L-B'),
      customerId: 'B',
    });
    expect(codeOf(wrongRoute)).toBe(ReasonCode.BIZ_MISMATCH);
    expect(
      await h.server.verify(await c.seal('action', 'repay', {}, req), { request: req, customerId: 'A' }),
    ).toMatchObject({ ok: true, session: { customerId: 'A' } });
  });
});

describe('strict header parsing: one spelling per header', () => {
  async function setup() {
    const h = createHarness();
    const c = h.newClient();
    const sid = headerOf(await c.seal('telemetry', null, {})).sid;
    let seq = 10;
    const header = (): TokenHeader => ({
      v: 2,
      suite: 'LJR1-X25519-HMAC-SHA256-AES256CBC',
      sid,
      seq: ++seq,
      ts: T0,
      nonce: base64UrlEncode(new Uint8Array(16).fill(seq)),
      kind: 'telemetry',
      act: null,
      bh: null,
    });
    const sealText = (text: string) => sealHeaderText(h.store, sid, text, encodePayload({}, T0));
    return { h, header, sealText };
  }

  it('control: the canonical spelling, sealed the same way, verifies', async () => {
    const { h, header, sealText } = await setup();
    expect(codeOf(await h.server.verify(await sealText(canonicalJson(header()))))).toBe('OK');
  });

  it('refuses repeated members, 1.0 / exponent integers, unknown members, other orders, whitespace and escapes', async () => {
    const { h, header, sealText } = await setup();
    const variants = [
      (t: string) => t.replace('"kind":"telemetry"', '"kind":"action","kind":"telemetry"'),
      (t: string) => t.replace(/"seq":(\d+)/, '"seq":$1.0'),
      (t: string) => t.replace(`"ts":${T0}`, '"ts":1.8e+12'),
      (t: string) => t.replace('"v":2}', '"v":2,"x":1}'),
      (t: string) => t.replace('"v":2}', '"v":2,"v":2}'),
      (t: string) => JSON.stringify(JSON.parse(t), Object.keys(JSON.parse(t)).reverse()),
      (t: string) => t.replace(/"seq":/, '"seq": '),
      (t: string) => `${t}\n`,
      (t: string) => t.replace('"telemetry"', '"\\u0074elemetry"'),
    ];
    for (const edit of variants) {
      const canonical = canonicalJson(header());
      const text = edit(canonical);
      expect(text).not.toBe(canonical);
      const r = await h.server.verify(await sealText(text));
      expect([text, codeOf(r)]).toEqual([text, ReasonCode.MALFORMED]);
    }
  });

  it('refuses a padded or non-canonical base64url header part even with a matching MAC', async () => {
    const { h, header, sealText } = await setup();
    // A header whose base64url form has a partial last group (so it has trailing bits and could be padded).
    let h0 = header();
    while (base64UrlEncode(utf8Encode(canonicalJson(h0))).length % 4 === 0) h0 = { ...h0, seq: h0.seq * 10 };
    const token = await sealText(canonicalJson(h0));
    const [hp] = token.split('.');
    const padded = token.replace(hp, hp + '='.repeat(4 - (hp.length % 4)));
    expect(codeOf(await h.server.verify(padded))).toBe(ReasonCode.MALFORMED);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const noisy = hp.slice(0, -1) + alphabet[alphabet.indexOf(hp[hp.length - 1]) | 1];
    expect(noisy).not.toBe(hp);
    expect(codeOf(await h.server.verify(token.replace(hp, noisy)))).toBe(ReasonCode.MALFORMED);
  });

  it('an action header without bh, or telemetry with one, is malformed', async () => {
    const { h, header, sealText } = await setup();
    const act = { ...header(), kind: 'action' as const, act: 'repay', bh: null };
    expect(codeOf(await h.server.verify(await sealText(canonicalJson(act))))).toBe(ReasonCode.MALFORMED);
    const tel = { ...header(), bh: base64UrlEncode(utf8Encode('x'.repeat(32))) };
    expect(codeOf(await h.server.verify(await sealText(canonicalJson(tel))))).toBe(ReasonCode.MALFORMED);
  });
});
