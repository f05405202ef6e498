/**
 * Builds the protocol v2 test vectors from fixed inputs, using only the platform-neutral client
 * implementation (crypto-js + @noble/curves). The Node verifier is then checked against these
 * files independently (sdk/src/server/test-vectors.server.test.ts), and so can a bank's own
 * Java/Go verifier. Run `npx tsx sdk/scripts/generate-test-vectors.ts` to rewrite the JSON files.
 */
import { sha256 } from '../src/crypto/sha256';
import { asciiBytes, bytesToHex, concatBytes, utf8Encode } from '../src/crypto/bytes';
import { base64UrlDecode, base64UrlEncode } from '../src/crypto/base64url';
import { canonicalJson } from '../src/crypto/canonical-json';
import { bizHash, canonicalRequest, type BoundRequest } from '../src/crypto/biz-hash';
import { ljr1JsSuite } from '../src/protocol/suites/ljr1-js';
import { DEFAULT_SUITE, HANDSHAKE_PATH, PROTOCOL_VERSION } from '../src/protocol/constants';
import {
  deriveSessionKeys,
  keyConfirmation,
  keyConfirmationTranscript,
  sessionKeyInfo,
  type HandshakeRequest,
  type HandshakeResponse,
} from '../src/protocol/handshake';
import { encodeHeader, encodePayload, parseToken, sealToken, type TokenHeader } from '../src/protocol/token';
import { createSessionClient } from '../src/protocol/session-client';
import { ReasonCode } from '../src/protocol/reason-codes';

/** Deterministic "random" bytes: SHA-256("lingjie-ljr1-test-vector:" + label), repeated with a counter. */
export function fixedBytes(label: string, n: number): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (let i = 0; blocks.length * 32 < n; i++)
    blocks.push(sha256(asciiBytes(`lingjie-ljr1-test-vector:${label}:${i}`)));
  return concatBytes(...blocks).slice(0, n);
}

export const SERVER_TIME = 1_800_000_000_000;
export const SESSION_TTL_MS = 30 * 60_000;
export const SKEW_MS = 5 * 60_000;
export const DEVICE_CLOCK_BEHIND_MS = 7_000;
const KEY_ID = 'ljr1-test-2026';

const suite = ljr1JsSuite;
const hex = bytesToHex;
const b64 = base64UrlEncode;

export interface ValidTokenVector {
  description: string;
  kind: 'telemetry' | 'action';
  act: string | null;
  payload: unknown;
  /** The request an action token is bound to (absent for telemetry). */
  request?: BoundRequest;
  /** METHOD "\n" path "\n" JCS(body): the text `bizHash` hashes. */
  canonicalRequest: string | null;
  /** Device clock when sealed (goes inside as `dt`). */
  deviceTime: number;
  /** Random draws for this token, in order: nonce (16 bytes) then IV (16 bytes). */
  nonce: string;
  ivHex: string;
  header: TokenHeader;
  headerJson: string;
  plaintext: string;
  ciphertextHex: string;
  macInput: string;
  macHex: string;
  bizHash: string | null;
  token: string;
  /** Server time at which to verify it (within the window; tokens must be verified in order). */
  verifyAt: number;
}

/** What the endpoint passes to verify (PROTOCOL.md §5): the request received, expectations, the customer. */
export interface VectorContext {
  request?: BoundRequest;
  expectKind?: 'telemetry' | 'action';
  expectAction?: string;
  customerId?: string;
}

export interface InvalidTokenVector {
  code: ReasonCode;
  description: string;
  /** Server time for the verification. */
  now: number;
  /** Tokens to verify successfully first (in order), each with its context. */
  before: Array<{ token: string; context: VectorContext }>;
  token: string;
  context: VectorContext;
}

export function buildTestVectors() {
  // ---- handshake -------------------------------------------------------------------------
  const serverPrivate = fixedBytes('server-static-private-key', 32);
  const serverPublic = suite.publicKeyFromPrivate(serverPrivate);
  const ephemeralPrivate = fixedBytes('client-ephemeral-private-key', 32);
  const ephemeralPublic = suite.publicKeyFromPrivate(ephemeralPrivate);
  const nc = fixedBytes('client-handshake-nonce', 16);
  const sidBytes = fixedBytes('server-session-id', 16);
  const ns = fixedBytes('server-handshake-nonce', 16);
  const sid = b64(sidBytes);
  const st = SERVER_TIME;
  const exp = st + SESSION_TTL_MS;

  const request: HandshakeRequest = {
    v: PROTOCOL_VERSION,
    suite: DEFAULT_SUITE,
    kid: KEY_ID,
    epk: b64(ephemeralPublic),
    nc: b64(nc),
  };
  const shared = suite.sharedSecret(serverPrivate, ephemeralPublic);
  const info = sessionKeyInfo({ suite, kid: KEY_ID, sid, epk: ephemeralPublic, spk: serverPublic });
  const salt = concatBytes(nc, ns);
  const okm = suite.kdf(shared, salt, info, 96);
  const keys = deriveSessionKeys({ suite, shared, kid: KEY_ID, sid, epk: ephemeralPublic, spk: serverPublic, nc, ns });
  const confirmInput = { suite, kid: KEY_ID, sid, epk: ephemeralPublic, nc, ns, st, exp };
  const kc = keyConfirmation(keys.confirmKey, confirmInput);
  const response: HandshakeResponse = {
    v: PROTOCOL_VERSION,
    suite: DEFAULT_SUITE,
    kid: KEY_ID,
    sid,
    ns: b64(ns),
    st,
    exp,
    kc: b64(kc),
  };

  const handshake = {
    description:
      'Protocol v2 handshake with fixed keys and nonces. Binary values in *Hex are lowercase hex; wire values are unpadded base64url.',
    suite: DEFAULT_SUITE,
    path: HANDSHAKE_PATH,
    server: {
      keyId: KEY_ID,
      privateKey: b64(serverPrivate),
      publicKey: b64(serverPublic),
      sessionTtlMs: SESSION_TTL_MS,
      skewMs: SKEW_MS,
    },
    client: {
      ephemeralPrivateKey: b64(ephemeralPrivate),
      ephemeralPublicKey: b64(ephemeralPublic),
      nc: b64(nc),
      deviceTime: st - DEVICE_CLOCK_BEHIND_MS,
    },
    clientRandomDraws: ['ephemeralPrivateKey (32 bytes)', 'nc (16 bytes)'],
    serverRandomDraws: { sid: b64(sidBytes), ns: b64(ns) },
    serverTime: st,
    request,
    response,
    derived: {
      sharedSecretHex: hex(shared),
      hkdfSaltHex: hex(salt),
      hkdfInfoHex: hex(info),
      okmHex: hex(okm),
      macKeyHex: hex(keys.macKey),
      encKeyHex: hex(keys.encKey),
      confirmKeyHex: hex(keys.confirmKey),
      keyConfirmationTranscriptHex: hex(keyConfirmationTranscript(confirmInput)),
      kcHex: hex(kc),
      clientClockOffsetMs: DEVICE_CLOCK_BEHIND_MS,
    },
    session: {
      id: sid,
      keyId: KEY_ID,
      macKey: b64(keys.macKey),
      encKey: b64(keys.encKey),
      createdAt: st,
      expiresAt: exp,
      lastSeq: 0,
    },
  };

  // ---- valid tokens, sealed by the real client ------------------------------------------
  const specs: Array<Pick<ValidTokenVector, 'description' | 'kind' | 'act' | 'payload' | 'request'>> = [
    {
      description: 'telemetry batch, no business body',
      kind: 'telemetry',
      act: null,
      payload: { events: [{ id: 'e-000001', type: 'app.show', at: 1799999993500 }], dropped: 0 },
    },
    {
      description: 'loan application: POST /api/applications, Chinese text in the bound body',
      kind: 'action',
      act: 'loan.apply',
      payload: {
        signals: { enableDebug: false, hasSystemProxy: false, platform: 'android' },
        behaviour: { pasteBursts: 0 },
      },
      request: {
        method: 'POST',
        path: '/api/applications',
        body: {
          amount: '50000.00',
          termMonths: 12,
          uscc: '91310000MA1FL4XX5K',
          companyName: '上海零接商贸有限公司',
        },
      },
    },
    {
      description: 'contract signature: the contract id in the path, numbers in the bound body (RFC 8785 number form)',
      kind: 'action',
      act: 'contract.sign',
      payload: { signals: {} },
      request: {
        method: 'POST',
        path: '/api/contracts/C-2026-0001/sign',
        body: { annualRate: 0.0365, accepted: true, pages: [1, 2, 3] },
      },
    },
  ];
  const draws: Uint8Array[] = [ephemeralPrivate, nc];
  specs.forEach((_, i) => draws.push(fixedBytes(`token-${i + 1}-nonce`, 16), fixedBytes(`token-${i + 1}-iv`, 16)));
  let deviceNow = st - DEVICE_CLOCK_BEHIND_MS;
  const client = createSessionClient({
    serverPublicKey: b64(serverPublic),
    keyId: KEY_ID,
    random: (n) => {
      const d = draws.shift();
      if (!d || d.length !== n) throw new Error('unexpected random draw');
      return d;
    },
    now: () => deviceNow,
    post: async () => response,
  });

  return (async () => {
    // Handshake at device time st − 7 s (instant round trip), so the client's clock offset is +7 s.
    await client.ensureSession();
    const tokens: ValidTokenVector[] = [];
    for (let i = 0; i < specs.length; i++) {
      const s = specs[i];
      const nonce = fixedBytes(`token-${i + 1}-nonce`, 16);
      const iv = fixedBytes(`token-${i + 1}-iv`, 16);
      deviceNow = st - DEVICE_CLOCK_BEHIND_MS + 1000 * (i + 1);
      const token = await client.seal(s.kind, s.act, s.payload, s.request);
      const parsed = parseToken(token);
      if (!parsed.ok) throw new Error(parsed.message);
      const [, , ct, mac] = token.split('.');
      tokens.push({
        ...s,
        canonicalRequest: s.request === undefined ? null : canonicalRequest(s.request),
        deviceTime: deviceNow,
        nonce: b64(nonce),
        ivHex: hex(iv),
        header: parsed.token.header,
        headerJson: canonicalJson(parsed.token.header),
        plaintext: canonicalJson({ p: s.payload, dt: deviceNow }),
        ciphertextHex: hex(base64UrlDecode(ct)),
        macInput: parsed.token.signedText,
        macHex: hex(base64UrlDecode(mac)),
        bizHash: s.request === undefined ? null : bizHash(s.request),
        token,
        verifyAt: parsed.token.header.ts + 250,
      });
    }

    // ---- one invalid token per reason code ------------------------------------------------
    const seal = (h: Partial<TokenHeader>, label: string, plaintext?: Uint8Array, dt = st) => {
      const header: TokenHeader = {
        v: PROTOCOL_VERSION,
        suite: DEFAULT_SUITE,
        sid,
        seq: 1,
        ts: st,
        nonce: b64(fixedBytes(`${label}-nonce`, 16)),
        kind: 'telemetry',
        act: null,
        bh: null,
        ...h,
      };
      return sealToken({
        suite,
        macKey: keys.macKey,
        encKey: keys.encKey,
        header,
        plaintext: plaintext ?? encodePayload({ signals: {} }, dt),
        iv: fixedBytes(`${label}-iv`, 16),
      });
    };
    const valid = seal({}, 'invalid-base');
    /** Seals exactly the given header text (not re-serialised), so only the strict parse can refuse it. */
    const sealText = (headerText: string, label: string) => {
      const iv = fixedBytes(`${label}-iv`, 16);
      const signed = `${b64(utf8Encode(headerText))}.${b64(iv)}.${b64(suite.encrypt(keys.encKey, iv, encodePayload({ signals: {} }, st)))}`;
      return `${signed}.${b64(suite.mac(keys.macKey, asciiBytes(signed)))}`;
    };
    /** Replaces the header part's text and MACs the result, as a key holder could. */
    const remac = (token: string, headerPart: string) => {
      const [, iv, ct] = token.split('.');
      const signed = `${headerPart}.${iv}.${ct}`;
      return `${signed}.${b64(suite.mac(keys.macKey, asciiBytes(signed)))}`;
    };
    const strictHeaderCases = (): InvalidTokenVector[] => {
      const base = (label: string): TokenHeader => ({
        v: PROTOCOL_VERSION,
        suite: DEFAULT_SUITE,
        sid,
        seq: 1,
        ts: st,
        nonce: b64(fixedBytes(`${label}-nonce`, 16)),
        kind: 'telemetry',
        act: null,
        bh: null,
      });
      const text = (label: string) => canonicalJson(base(label));
      const variants: Array<[string, string]> = [
        [
          'repeated member: "kind" twice (JSON.parse keeps the last, other parsers the first)',
          text('strict-dup').replace('"kind":"telemetry"', '"kind":"action","kind":"telemetry"'),
        ],
        ['seq written 1.0', text('strict-seq').replace('"seq":1,', '"seq":1.0,')],
        ['ts written in exponent form', text('strict-ts').replace(`"ts":${st}`, '"ts":1.8e+12')],
        ['unknown member "x"', text('strict-extra').replace('"v":2}', '"v":2,"x":1}')],
        ['members out of order', JSON.stringify(base('strict-order'), Object.keys(base('strict-order')).reverse())],
        ['whitespace after a colon', text('strict-space').replace('"seq":1', '"seq": 1')],
        ['escaped character in a string', text('strict-escape').replace('"telemetry"', '"\\u0074elemetry"')],
      ];
      const cases: InvalidTokenVector[] = variants.map(([description, headerText], i) => ({
        code: ReasonCode.MALFORMED,
        description: `header not canonical: ${description}`,
        now: st,
        before: [],
        token: sealText(headerText, `strict-${i}`),
        context: {},
      }));
      // Header part of length 2 or 3 (mod 4), so it has trailing bits and could take padding.
      let n = 0;
      let h = encodeHeader(base('strict-b64'));
      while (h.length % 4 === 0) h = encodeHeader({ ...base(`strict-b64-${++n}`) });
      const t = remac(seal({}, 'strict-b64-token'), h);
      // The last character's low bits are unused (zero in the canonical form); set the lowest one.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const noisy = h.slice(0, -1) + alphabet[alphabet.indexOf(h[h.length - 1]) | 1];
      cases.push(
        {
          code: ReasonCode.MALFORMED,
          description: 'header part with base64 padding "="',
          now: st,
          before: [],
          token: remac(t, h + '='.repeat(4 - (h.length % 4))),
          context: {},
        },
        {
          code: ReasonCode.MALFORMED,
          description: 'header part with non-zero trailing bits (decodes to the same bytes in a lenient decoder)',
          now: st,
          before: [],
          token: remac(t, noisy),
          context: {},
        },
      );
      return cases;
    };
    const flipLastMacByte = (t: string) => {
      const parts = t.split('.');
      const mac = base64UrlDecode(parts[3]);
      mac[mac.length - 1] ^= 0x01;
      parts[3] = b64(mac);
      return parts.join('.');
    };
    const repayA: BoundRequest = { method: 'POST', path: '/api/loans/L-A/repay', body: { kind: 'current' } };
    const repayB: BoundRequest = { ...repayA, path: '/api/loans/L-B/repay' };
    const action = (label: string, seq: number, req: BoundRequest, act = 'repay') =>
      seal({ kind: 'action', act, bh: bizHash(req), seq }, label);
    const invalid: InvalidTokenVector[] = [
      {
        code: ReasonCode.MALFORMED,
        description: 'MAC part removed (three parts)',
        now: st,
        before: [],
        token: valid.split('.').slice(0, 3).join('.'),
        context: {},
      },
      {
        code: ReasonCode.SUITE_UNSUPPORTED,
        description: 'unknown suite name (correctly MACed)',
        now: st,
        before: [],
        token: seal({ suite: 'LJR9-X448-HMAC-SHA512-AES256GCM' }, 'invalid-suite'),
        context: {},
      },
      {
        code: ReasonCode.SESSION_UNKNOWN,
        description: 'session id never issued',
        now: st,
        before: [],
        token: seal({ sid: b64(fixedBytes('unknown-session', 16)) }, 'invalid-sid'),
        context: {},
      },
      {
        code: ReasonCode.SESSION_EXPIRED,
        description: 'verified at the session expiry',
        now: exp,
        before: [],
        token: seal({ ts: exp }, 'invalid-expired'),
        context: {},
      },
      {
        code: ReasonCode.MAC_INVALID,
        description: 'last MAC byte flipped',
        now: st,
        before: [],
        token: flipLastMacByte(valid),
        context: {},
      },
      {
        code: ReasonCode.TS_SKEW,
        description: 'timestamp one millisecond outside the window',
        now: st,
        before: [],
        token: seal({ ts: st - SKEW_MS - 1 }, 'invalid-skew'),
        context: {},
      },
      {
        code: ReasonCode.REPLAY_NONCE,
        description: 'the same token a second time',
        now: st,
        before: [{ token: valid, context: {} }],
        token: valid,
        context: {},
      },
      {
        code: ReasonCode.SEQ_REWIND,
        description: 'seq 1 after seq 2 was accepted',
        now: st,
        before: [{ token: seal({ seq: 2 }, 'invalid-seq2'), context: {} }],
        token: seal({ seq: 1 }, 'invalid-seq1'),
        context: {},
      },
      {
        code: ReasonCode.PAYLOAD_INVALID,
        description: 'decrypts to {"p":1} (no dt)',
        now: st,
        before: [],
        token: seal({}, 'invalid-payload', utf8Encode('{"p":1}')),
        context: {},
      },
      {
        code: ReasonCode.BIZ_MISMATCH,
        description:
          'repayment token sealed for POST /api/loans/L-A/repay presented on /api/loans/L-B/repay (same body)',
        now: st,
        before: [],
        token: action('invalid-route', 1, repayA),
        context: { request: repayB, expectKind: 'action', expectAction: 'repay' },
      },
      {
        code: ReasonCode.SESSION_CUSTOMER_MISMATCH,
        description:
          "session bound to customer cust-A by its first action token; the next token is presented on cust-B's request",
        now: st,
        before: [
          { token: action('invalid-customer-1', 1, repayA), context: { request: repayA, customerId: 'cust-A' } },
        ],
        token: action('invalid-customer-2', 2, repayA),
        context: { request: repayA, customerId: 'cust-B' },
      },
      // ---- more binding failures: one code whichever part of the request differs ------------
      {
        code: ReasonCode.BIZ_MISMATCH,
        description: 'the same token with the amount edited in the body',
        now: st,
        before: [],
        token: action('invalid-body', 1, { ...repayA, body: { kind: 'custom', amountFen: 100 } }),
        context: { request: { ...repayA, body: { kind: 'custom', amountFen: 10_000 } } },
      },
      {
        code: ReasonCode.BIZ_MISMATCH,
        description: 'sealed for POST, presented with PUT',
        now: st,
        before: [],
        token: action('invalid-method', 1, repayA),
        context: { request: { ...repayA, method: 'PUT' } },
      },
      // ---- strict header parsing: correctly MACed, but not the one canonical spelling -------
      ...strictHeaderCases(),
    ];
    return {
      handshake,
      tokens: {
        description:
          'Tokens sealed by the client in the handshake session above, in order. Verify each at verifyAt, in order.',
        session: handshake.session,
        tokens,
      },
      invalid: {
        description:
          'One invalid token per reason code (in the order of PROTOCOL.md §6), then more binding and strict-parsing cases. For each case: fresh store holding `session`, server clock at `now`, verify each `before` token with its `context` (all must pass), then `token` with `context` must fail with `code`.',
        server: { keyId: KEY_ID, privateKey: b64(serverPrivate), sessionTtlMs: SESSION_TTL_MS, skewMs: SKEW_MS },
        session: handshake.session,
        cases: invalid,
      },
      canonicalJson: {
        description:
          'RFC 8785 canonical JSON of business bodies; then requests with their canonical request text (METHOD "\\n" path "\\n" JCS(body), empty body part when there is none) and bizHash = base64url(SHA-256(UTF-8(canonicalRequest))).',
        cases: [
          { body: { b: 2, a: 1, c: { z: [3, 2, 1], y: null } } },
          { body: { amount: '50000.00', rate: 0.1, big: 1e21, small: 1e-7, neg: -0, int: 12 } },
          { body: { name: '上海零接商贸有限公司', emoji: '😀', ctrl: '\u0001\n"\\/' } },
          { body: { '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 } },
        ].map((c) => ({ ...c, canonical: canonicalJson(c.body) })),
        requests: (
          [
            { method: 'POST', path: '/api/loans/L-A/repay', body: { kind: 'current', expectedAmountFen: 1_733_125 } },
            { method: 'POST', path: '/api/loans/L-B/repay', body: { kind: 'current', expectedAmountFen: 1_733_125 } },
            { method: 'POST', path: '/api/contracts/C-1/drawdown', body: { amountFen: 5_000_000, purpose: '进货' } },
            { method: 'POST', path: '/api/contracts/C-1/sign' },
            { method: 'POST', path: '/api/contracts/C-1/sign', body: {} },
            { method: 'POST', path: '/api/files/%E5%90%88%E5%90%8C', body: { b: 2, a: 1 } },
          ] as BoundRequest[]
        ).map((request) => ({ request, canonicalRequest: canonicalRequest(request), bizHash: bizHash(request) })),
      },
    };
  })();
}

/** Serialises a vector object the way the files are written. */
export function vectorFileText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export const VECTOR_FILES = {
  handshake: 'ljr1-handshake.json',
  tokens: 'ljr1-tokens.json',
  invalid: 'ljr1-invalid-tokens.json',
  canonicalJson: 'canonical-json.json',
} as const;
