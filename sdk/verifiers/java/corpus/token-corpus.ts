/**
 * Generated tokens for the Java ⇄ Node cross-check: valid variants a verifier must accept (window
 * edges, body member order, -0), header spellings a strict verifier must refuse (other member
 * order, whitespace, 1.0 for 1, escapes, repeated members), and mutations aimed at every
 * verification step and reason code. Sealed with node:crypto under the session keys
 * of ljr1-invalid-tokens.json, so the MAC passes wherever a later step is the target. Deterministic.
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../../../src/crypto/canonical-json';

export const INVALID_VECTORS = JSON.parse(
  readFileSync(path.join(__dirname, '../../../test-vectors/ljr1-invalid-tokens.json'), 'utf8'),
);
const SESSION = INVALID_VECTORS.session;
const SKEW: number = INVALID_VECTORS.server.skewMs;
const SUITE = 'LJR1-X25519-HMAC-SHA256-AES256CBC';
const NOW = SESSION.createdAt + 5_000;

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const macKey = Buffer.from(SESSION.macKey, 'base64url');
const encKey = Buffer.from(SESSION.encKey, 'base64url');

interface Req {
  method: string;
  path: string;
  body?: unknown;
}
interface Context {
  request?: Req;
  expectKind?: string;
  expectAction?: string;
  customerId?: string;
}
export interface TokenCase {
  description: string;
  now: number;
  before: Array<{ token: string; context: Context }>;
  token: string;
  context: Context;
}

const BODY = { amountFen: 5_000_000, termMonths: 12, purpose: '进货' };
const REQ: Req = { method: 'POST', path: '/api/applications', body: BODY };
// PROTOCOL.md §4.1, written out here independently of the SDK's implementation.
const bizHash = (r: Req) =>
  b64(
    createHash('sha256')
      .update(`${r.method}\n${r.path}\n${r.body === undefined ? '' : canonicalJson(r.body)}`, 'utf8')
      .digest(),
  );
const ACTION_CONTEXT: Context = { request: REQ, expectKind: 'action', expectAction: 'loan.apply' };

let nonces = 0;
function header(over: Record<string, unknown> = {}): Record<string, unknown> {
  nonces++;
  return {
    v: 2,
    suite: SUITE,
    sid: SESSION.id,
    seq: nonces,
    ts: NOW,
    nonce: b64(Buffer.alloc(16, nonces)),
    kind: 'action',
    act: 'loan.apply',
    bh: bizHash(REQ),
    ...over,
  };
}

const envelope = (p: unknown = { signals: {} }, dt: unknown = NOW - 1_000) => Buffer.from(JSON.stringify({ p, dt }));

interface SealOptions {
  plaintext?: Buffer;
  iv?: Buffer;
  /** Encrypt without PKCS#7 padding (plaintext must be whole blocks). */
  raw?: boolean;
  macKey?: Buffer;
}

/** Header given as an object (canonical JSON), as text, or as raw bytes. */
function seal(h: Record<string, unknown> | string | Buffer, o: SealOptions = {}): string {
  const headerBytes = Buffer.isBuffer(h) ? h : Buffer.from(typeof h === 'string' ? h : canonicalJson(h), 'utf8');
  const iv = o.iv ?? Buffer.alloc(16, 0x2a);
  const cipher = createCipheriv('aes-256-cbc', encKey, iv);
  cipher.setAutoPadding(!o.raw);
  const ct = Buffer.concat([cipher.update(o.plaintext ?? envelope()), cipher.final()]);
  const signed = `${b64(headerBytes)}.${b64(iv)}.${b64(ct)}`;
  return `${signed}.${b64(
    createHmac('sha256', o.macKey ?? macKey)
      .update(signed)
      .digest(),
  )}`;
}

const parts = (token: string) => token.split('.');

export function tokenCorpus(): TokenCase[] {
  nonces = 0;
  const cases: TokenCase[] = [];
  const add = (description: string, token: string, extra: Partial<TokenCase> = {}) =>
    cases.push({ description, now: NOW, before: [], token, context: ACTION_CONTEXT, ...extra });
  const valid = seal(header());

  add('valid', valid);
  // Refused by both (MALFORMED) although correctly MACed: a header has exactly one spelling.
  const reordered = header();
  add(
    'header with whitespace and members out of order',
    seal(JSON.stringify(reordered, Object.keys(reordered).reverse(), 1)),
  );
  add(
    'v written 2.0 and seq 1e0',
    seal(
      canonicalJson(header({ seq: 1 }))
        .replace('"v":2', '"v":2.0')
        .replace('"seq":1', '"seq":1e0'),
    ),
  );
  add(
    'repeated member (JSON.parse keeps the last)',
    seal(canonicalJson(header()).replace('{"act"', '{"kind":"telemetry","act"')),
  );
  add(
    'escaped characters in strings',
    seal(canonicalJson(header()).replace('"kind":"action"', '"kind":"\\u0061ction"')),
  );
  add('valid, payload p null', seal(header(), { plaintext: envelope(null) }));
  add('valid, dt -0', seal(header(), { plaintext: Buffer.from('{"p":{},"dt":-0}') }));
  add('valid, body members in another order', seal(header()), {
    context: {
      ...ACTION_CONTEXT,
      request: { ...REQ, body: { purpose: '进货', termMonths: 12, amountFen: 5_000_000 } },
    },
  });
  const numbers: Req = { ...REQ, body: { rate: 0.1, big: 1e21, small: 1e-7, n: -0, name: '上海😀' } };
  add('valid, numbers and non-ASCII in the bound body', seal(header({ bh: bizHash(numbers) })), {
    context: { request: numbers },
  });
  const noBody: Req = { method: 'POST', path: '/api/contracts/C-1/sign' };
  add('valid, bound to a request without a body', seal(header({ bh: bizHash(noBody) })), {
    context: { request: noBody },
  });
  const encoded: Req = { method: 'POST', path: '/api/files/%E5%90%88%E5%90%8C', body: null };
  add('valid, percent-encoded path and a JSON null body', seal(header({ bh: bizHash(encoded) })), {
    context: { request: encoded },
  });
  add('valid, ts at the late edge of the window', seal(header({ ts: NOW + SKEW })));
  add('valid, ts at the early edge of the window', seal(header({ ts: NOW - SKEW })));
  add('valid, telemetry without a body', seal(header({ kind: 'telemetry', act: null, bh: null })), {
    context: { expectKind: 'telemetry' },
  });
  add('valid, just before the session expires', seal(header({ ts: SESSION.expiresAt - 1 })), {
    now: SESSION.expiresAt - 1,
  });

  // MALFORMED: structure and header shape (step 1), then the suite's part sizes (step 2).
  const [h, iv, ct, mac] = parts(valid);
  add('three parts', `${h}.${iv}.${ct}`);
  add('five parts', `${valid}.${mac}`);
  add('empty part', `${h}..${ct}.${mac}`);
  add('padding character', `${h}.${iv}=.${ct}.${mac}`);
  add('character outside base64url', `${h}.${iv.slice(0, -1)}+.${ct}.${mac}`);
  add('non-canonical trailing bits', `${h}.${iv.slice(0, -1)}B.${ct}.${mac}`);
  add('length 1 mod 4', `${h}.${iv}AAA.${ct}.${mac}`);
  add('longer than 256 KiB', `${h}.${iv}.${'A'.repeat(256 * 1024)}.${mac}`);
  add('header not JSON', seal('{"v":1,'));
  add('header is an array', seal('[1]'));
  add('header is null', seal('null'));
  add(
    'header with a byte order mark',
    seal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(canonicalJson(header()))])),
  );
  add(
    'header not UTF-8',
    seal(Buffer.concat([Buffer.from(canonicalJson(header()).slice(0, -1)), Buffer.from([0xff, 0x7d])])),
  );
  add('header with trailing text', seal(canonicalJson(header()) + 'x'));
  const without = (k: string) => Object.fromEntries(Object.entries(header()).filter(([key]) => key !== k));
  add('header member missing', seal(without('bh')));
  add('header member added', seal(header({ x: 1 })));
  for (const [name, over] of Object.entries<Record<string, unknown>>({
    'seq 0': { seq: 0 },
    'seq 1.5': { seq: 1.5 },
    'seq as a string': { seq: '1' },
    'seq beyond 2^53': { seq: 2 ** 53 },
    'ts negative': { ts: -1 },
    'nonce of 15 bytes': { nonce: b64(Buffer.alloc(15, 1)) },
    'sid of 17 bytes': { sid: b64(Buffer.alloc(17, 1)) },
    'kind unknown': { kind: 'other' },
    'action without act': { act: null },
    'act not lower-case': { act: 'Loan.Apply' },
    'telemetry with act': { kind: 'telemetry' },
    'bh of 129 characters': { bh: 'A'.repeat(129) },
    'bh not base64url': { bh: 'abc=' },
    'action with bh null': { bh: null },
    'telemetry with a bh': { kind: 'telemetry', act: null },
    'ts -0 (written 0 canonically)': { ts: -0 },
    'suite empty': { suite: '' },
    'suite of 65 characters': { suite: 'S'.repeat(65) },
    'v 0': { v: 0 },
    'v 1.5': { v: 1.5 },
  }))
    add(name, seal(header(over)));
  // Part sizes are checked before the MAC, so these need no valid MAC.
  const [h2, iv2, ct2, mac2] = parts(seal(header()));
  add('IV of 15 bytes', `${h2}.${b64(Buffer.alloc(15, 1))}.${ct2}.${mac2}`);
  add('MAC of 31 bytes', `${h2}.${iv2}.${ct2}.${b64(Buffer.from(mac2, 'base64url').subarray(1))}`);
  add(
    'ciphertext of 17 bytes',
    `${h2}.${iv2}.${b64(Buffer.concat([Buffer.from(ct2, 'base64url'), Buffer.from([1])]))}.${mac2}`,
  );

  // SUITE_UNSUPPORTED, SESSION_UNKNOWN, SESSION_EXPIRED.
  add('protocol version 1 (body-only binding)', seal(header({ v: 1 })));
  add('protocol version 3', seal(header({ v: 3 })));
  add('unknown suite', seal(header({ suite: 'LJR9-X448-HMAC-SHA512-AES256GCM' })));
  add('unknown session', seal(header({ sid: b64(Buffer.alloc(16, 0x5a)) })));
  add('at the session expiry', seal(header({ ts: SESSION.expiresAt })), { now: SESSION.expiresAt });
  add('after the session expiry', seal(header({ ts: SESSION.expiresAt })), { now: SESSION.expiresAt + 1 });

  // MAC_INVALID.
  add('MAC under another key', seal(header(), { macKey: Buffer.alloc(32, 9) }));
  add(
    'header re-encoded after sealing',
    `${b64(Buffer.from(canonicalJson({ ...JSON.parse(Buffer.from(h2, 'base64url').toString()), ts: NOW + 1 })))}.${iv2}.${ct2}.${mac2}`,
  );
  const macBytes = Buffer.from(mac2, 'base64url');
  macBytes[31] ^= 1;
  add('last MAC bit flipped', `${h2}.${iv2}.${ct2}.${b64(macBytes)}`);

  // TS_SKEW, REPLAY_NONCE, SEQ_REWIND.
  add('ts one ms too late', seal(header({ ts: NOW + SKEW + 1 })));
  add('ts one ms too early', seal(header({ ts: NOW - SKEW - 1 })));
  const first = seal(header({ seq: 500 }));
  add('replayed', first, { before: [{ token: first, context: ACTION_CONTEXT }] });
  add('seq below the last', seal(header({ seq: 499 })), { before: [{ token: first, context: ACTION_CONTEXT }] });
  add('seq equal to the last', seal(header({ seq: 500 })), { before: [{ token: first, context: ACTION_CONTEXT }] });

  // PAYLOAD_INVALID.
  add('bad padding', seal(header(), { plaintext: Buffer.alloc(32, 0), raw: true }));
  for (const [name, text] of Object.entries({
    'payload not JSON': '{"p":',
    'payload an array': '[1,2]',
    'payload without dt': '{"p":1}',
    'payload with another member': `{"p":1,"dt":5,"x":0}`,
    'dt negative': '{"p":1,"dt":-1}',
    'dt 1.5': '{"p":1,"dt":1.5}',
    'dt a string': '{"p":1,"dt":"5"}',
    'dt beyond 2^53': '{"p":1,"dt":1e300}',
    'payload after a byte order mark': '\ufeff{"p":1,"dt":5}',
  }))
    add(name, seal(header(), { plaintext: Buffer.from(text, 'utf8') }));
  add(
    'payload not UTF-8',
    seal(header(), { plaintext: Buffer.from([0x7b, 0x22, 0x70, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22]) }),
  );

  // BIZ_MISMATCH: whichever part of the request differs.
  add('body edited', seal(header()), {
    context: { ...ACTION_CONTEXT, request: { ...REQ, body: { ...BODY, amountFen: 50_000_000 } } },
  });
  add('another resource id in the path', seal(header()), {
    context: { ...ACTION_CONTEXT, request: { ...REQ, path: '/api/applications/A-2' } },
  });
  add('path with a trailing slash', seal(header()), { context: { request: { ...REQ, path: '/api/applications/' } } });
  add('another method', seal(header()), { context: { request: { ...REQ, method: 'PUT' } } });
  add('lower-case method', seal(header()), { context: { request: { ...REQ, method: 'post' } } });
  add('path with its query', seal(header()), { context: { request: { ...REQ, path: '/api/applications?x=1' } } });
  add('request given without its body', seal(header()), { context: { request: { method: 'POST', path: REQ.path } } });
  add('token bound, no request given', seal(header()), { context: { expectKind: 'action' } });
  add('telemetry where an action is expected', seal(header({ kind: 'telemetry', act: null, bh: null })), {
    context: { expectKind: 'action' },
  });
  add('telemetry given a request', seal(header({ kind: 'telemetry', act: null, bh: null })), {
    context: { request: REQ },
  });
  add('another action', seal(header({ act: 'contract.sign' })));
  add('body null', seal(header()), { context: { request: { ...REQ, body: null } } });
  add('body with a lone surrogate', seal(header()), { context: { request: { ...REQ, body: { name: '\ud800' } } } });

  // SESSION_CUSTOMER_MISMATCH: the first customer binds the session; telemetry and pre-login tokens do not.
  const bound = seal(header({ seq: 700 }));
  const asA: Context = { ...ACTION_CONTEXT, customerId: 'cust-A' };
  add('valid, customer given on an unbound session', seal(header()), { context: asA });
  add('another customer on a bound session', seal(header({ seq: 701 })), {
    before: [{ token: bound, context: asA }],
    context: { ...ACTION_CONTEXT, customerId: 'cust-B' },
  });
  add('valid, the same customer again', seal(header({ seq: 701 })), {
    before: [{ token: bound, context: asA }],
    context: asA,
  });
  add('valid, no customer on a bound session (pre-login route)', seal(header({ seq: 701 })), {
    before: [{ token: bound, context: asA }],
  });
  add('binding failure does not bind', seal(header({ seq: 701 })), {
    before: [{ token: bound, context: ACTION_CONTEXT }],
    context: { ...ACTION_CONTEXT, customerId: 'cust-B' },
  });
  return cases;
}
