/**
 * Test vectors of the 国密 suite LJG1-SM2-HMAC-SM3-SM4CBC (PROTOCOL.md §8.1), built from fixed
 * inputs with the client implementation (sm-crypto-v2) only; the node:crypto verifier is checked
 * against the files independently (sdk/src/server/ljg1-vectors.server.test.ts).
 *   npx tsx sdk/scripts/test-vectors-gm.ts          rewrites sdk/test-vectors/ljg1-*.json
 * Same fixed-bytes source, times and layout as the LJR1 vectors (scripts/test-vectors.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { asciiBytes, bytesToHex, concatBytes, hexToBytes, utf8Encode } from '../src/crypto/bytes';
import { base64UrlDecode, base64UrlEncode } from '../src/crypto/base64url';
import { canonicalJson } from '../src/crypto/canonical-json';
import { bizHash, canonicalRequest, type BoundRequest } from '../src/crypto/biz-hash';
import { ljg1JsSuite } from '../src/protocol/suites/ljg1-js';
import { LJG1_SUITE } from '../src/protocol/suites/ljg1-params';
import { DEFAULT_SUITE, HANDSHAKE_PATH, PROTOCOL_VERSION } from '../src/protocol/constants';
import { createSuiteRegistry } from '../src/protocol/suite';
import {
  deriveSessionKeys,
  keyConfirmation,
  keyConfirmationTranscript,
  sessionKeyInfo,
  type HandshakeRequest,
  type HandshakeResponse,
} from '../src/protocol/handshake';
import { encodePayload, parseToken, sealToken, type TokenHeader } from '../src/protocol/token';
import { createSessionClient } from '../src/protocol/session-client';
import { ReasonCode } from '../src/protocol/reason-codes';
import {
  DEVICE_CLOCK_BEHIND_MS,
  fixedBytes,
  SERVER_TIME,
  SESSION_TTL_MS,
  SKEW_MS,
  vectorFileText,
  type InvalidTokenVector,
  type ValidTokenVector,
} from './test-vectors';

const KEY_ID = 'ljg1-test-2026';
const suite = ljg1JsSuite;
const hex = bytesToHex;
const b64 = base64UrlEncode;
const gm = (label: string, n: number) => fixedBytes(`ljg1:${label}`, n);

export const GM_VECTOR_FILES = {
  primitives: 'ljg1-primitives.json',
  handshake: 'ljg1-handshake.json',
  tokens: 'ljg1-tokens.json',
  invalid: 'ljg1-invalid-tokens.json',
} as const;

/** Draws `label`, then `label:1`, … until the bytes are an SM2 scalar in [1, n-2] (the client's rejection sampling). */
function sm2Scalar(label: string): Uint8Array {
  for (let i = 0; ; i++) {
    const d = gm(i ? `${label}:${i}` : label, 32);
    try {
      suite.publicKeyFromPrivate(d);
      return d;
    } catch {
      // out of range: the next label, as the client would draw again
    }
  }
}

function primitives() {
  const sm4Key = hexToBytes('0123456789abcdeffedcba9876543210');
  const macKey = gm('hmac-key', 32);
  const macData = utf8Encode('LJG1 HMAC-SM3 示例');
  const ikm = gm('hkdf-ikm', 32);
  const salt = gm('hkdf-salt', 32);
  const info = asciiBytes('LJG1 example info');
  const cbcKey = gm('sm4-cbc-key', 16);
  const cbcIv = gm('sm4-cbc-iv', 16);
  const cbcPlain = utf8Encode('{"p":{"amount":"50000.00"},"dt":1800000000000}');
  const a = sm2Scalar('sm2-a');
  const b = sm2Scalar('sm2-b');
  return {
    description:
      'LJG1 primitives. sm3 and sm4Block are the published GM/T 0004-2012 and GM/T 0002-2012 examples; the rest are fixed inputs for HMAC-SM3, HKDF-SM3 (RFC 5869 over HMAC-SM3), SM4-CBC with PKCS#7, and SM2 ECDH (shared secret = x-coordinate of d·P, 32 bytes).',
    sm3: [
      { inputAscii: 'abc', digestHex: hex(suite.hash(asciiBytes('abc'))) },
      { inputAscii: 'abcd'.repeat(16), digestHex: hex(suite.hash(asciiBytes('abcd'.repeat(16)))) },
    ],
    sm4Block: {
      keyHex: hex(sm4Key),
      plaintextHex: hex(sm4Key),
      ciphertextHex: hex(suite.encrypt(sm4Key, new Uint8Array(16), sm4Key).slice(0, 16)),
    },
    hmacSm3: { keyHex: hex(macKey), dataHex: hex(macData), macHex: hex(suite.mac(macKey, macData)) },
    hkdfSm3: {
      ikmHex: hex(ikm),
      saltHex: hex(salt),
      infoHex: hex(info),
      length: 80,
      okmHex: hex(suite.kdf(ikm, salt, info, 80)),
    },
    sm4Cbc: {
      keyHex: hex(cbcKey),
      ivHex: hex(cbcIv),
      plaintextHex: hex(cbcPlain),
      ciphertextHex: hex(suite.encrypt(cbcKey, cbcIv, cbcPlain)),
    },
    sm2: {
      privateKeyAHex: hex(a),
      publicKeyAHex: hex(suite.publicKeyFromPrivate(a)),
      privateKeyBHex: hex(b),
      publicKeyBHex: hex(suite.publicKeyFromPrivate(b)),
      sharedSecretHex: hex(suite.sharedSecret(a, suite.publicKeyFromPrivate(b))),
    },
  };
}

export async function buildGmTestVectors() {
  // ---- handshake -------------------------------------------------------------------------
  const serverPrivate = sm2Scalar('server-static-private-key');
  const serverPublic = suite.publicKeyFromPrivate(serverPrivate);
  const ephemeralPrivate = sm2Scalar('client-ephemeral-private-key');
  const ephemeralPublic = suite.publicKeyFromPrivate(ephemeralPrivate);
  const nc = gm('client-handshake-nonce', 16);
  const sidBytes = gm('server-session-id', 16);
  const ns = gm('server-handshake-nonce', 16);
  const sid = b64(sidBytes);
  const st = SERVER_TIME;
  const exp = st + SESSION_TTL_MS;
  const okmLength = suite.macKeyLength * 2 + suite.encKeyLength;

  const request: HandshakeRequest = {
    v: PROTOCOL_VERSION,
    suite: LJG1_SUITE,
    kid: KEY_ID,
    epk: b64(ephemeralPublic),
    nc: b64(nc),
  };
  const shared = suite.sharedSecret(serverPrivate, ephemeralPublic);
  const info = sessionKeyInfo({ suite, kid: KEY_ID, sid, epk: ephemeralPublic, spk: serverPublic });
  const salt = concatBytes(nc, ns);
  const keys = deriveSessionKeys({ suite, shared, kid: KEY_ID, sid, epk: ephemeralPublic, spk: serverPublic, nc, ns });
  const confirmInput = { suite, kid: KEY_ID, sid, epk: ephemeralPublic, nc, ns, st, exp };
  const kc = keyConfirmation(keys.confirmKey, confirmInput);
  const response: HandshakeResponse = {
    v: PROTOCOL_VERSION,
    suite: LJG1_SUITE,
    kid: KEY_ID,
    sid,
    ns: b64(ns),
    st,
    exp,
    kc: b64(kc),
  };
  const session = {
    id: sid,
    keyId: KEY_ID,
    macKey: b64(keys.macKey),
    encKey: b64(keys.encKey),
    createdAt: st,
    expiresAt: exp,
    lastSeq: 0,
  };
  const offCurve = Uint8Array.from(ephemeralPublic);
  offCurve[64] ^= 1;
  const zeroPoint = new Uint8Array(65);
  zeroPoint[0] = 4;
  const handshake = {
    description:
      'LJG1 handshake with fixed keys and nonces: as ljr1-handshake.json, with SM2 keys (private: 32-byte scalar in [1, n-2]; public: 65 bytes 0x04 ‖ x ‖ y), shared secret = x-coordinate of the ECDH point, HKDF-SM3 with L = 80 (macKey 32, encKey 16, confirmKey 32), kc = HMAC-SM3. Then handshake requests the server must refuse with MALFORMED.',
    suite: LJG1_SUITE,
    path: HANDSHAKE_PATH,
    server: {
      keyId: KEY_ID,
      suite: LJG1_SUITE,
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
    clientRandomDraws: ['ephemeralPrivateKey (32 bytes, drawn again while not in [1, n-2])', 'nc (16 bytes)'],
    serverRandomDraws: { sid: b64(sidBytes), ns: b64(ns) },
    serverTime: st,
    request,
    response,
    derived: {
      sharedSecretHex: hex(shared),
      hkdfSaltHex: hex(salt),
      hkdfInfoHex: hex(info),
      okmHex: hex(suite.kdf(shared, salt, info, okmLength)),
      macKeyHex: hex(keys.macKey),
      encKeyHex: hex(keys.encKey),
      confirmKeyHex: hex(keys.confirmKey),
      keyConfirmationTranscriptHex: hex(keyConfirmationTranscript(confirmInput)),
      kcHex: hex(kc),
      clientClockOffsetMs: DEVICE_CLOCK_BEHIND_MS,
    },
    session,
    invalidRequests: [
      ['epk off the curve (last byte of y flipped)', offCurve],
      ['epk compressed (33 bytes)', Uint8Array.of(2 + (ephemeralPublic[64] & 1), ...ephemeralPublic.slice(1, 33))],
      ['epk 0x04 ‖ zeros: (0, 0) is not on the curve', zeroPoint],
    ].map(([description, epk]) => ({
      description: description as string,
      request: { ...request, epk: b64(epk as Uint8Array) },
      code: 'MALFORMED',
    })),
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
      description: 'loan application: POST /api/applications, Chinese text in the bound body (bizHash = SM3)',
      kind: 'action',
      act: 'loan.apply',
      payload: { signals: { enableDebug: false, platform: 'android' } },
      request: {
        method: 'POST',
        path: '/api/applications',
        body: { amount: '50000.00', termMonths: 12, companyName: '上海零接商贸有限公司' },
      },
    },
  ];
  const draws: Uint8Array[] = [ephemeralPrivate, nc];
  specs.forEach((_, i) => draws.push(gm(`token-${i + 1}-nonce`, 16), gm(`token-${i + 1}-iv`, 16)));
  let deviceNow = st - DEVICE_CLOCK_BEHIND_MS;
  const client = createSessionClient({
    serverPublicKey: b64(serverPublic),
    keyId: KEY_ID,
    suite: LJG1_SUITE,
    suites: createSuiteRegistry([suite]),
    random: (n) => {
      const d = draws.shift();
      if (!d || d.length !== n) throw new Error('unexpected random draw');
      return d;
    },
    now: () => deviceNow,
    post: async () => response,
  });
  await client.ensureSession();
  const tokens: ValidTokenVector[] = [];
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    deviceNow = st - DEVICE_CLOCK_BEHIND_MS + 1000 * (i + 1);
    const token = await client.seal(s.kind, s.act, s.payload, s.request);
    const parsed = parseToken(token);
    if (!parsed.ok) throw new Error(parsed.message);
    const [, , ct, mac] = token.split('.');
    tokens.push({
      ...s,
      canonicalRequest: s.request === undefined ? null : canonicalRequest(s.request),
      deviceTime: deviceNow,
      nonce: b64(gm(`token-${i + 1}-nonce`, 16)),
      ivHex: hex(gm(`token-${i + 1}-iv`, 16)),
      header: parsed.token.header,
      headerJson: canonicalJson(parsed.token.header),
      plaintext: canonicalJson({ p: s.payload, dt: deviceNow }),
      ciphertextHex: hex(base64UrlDecode(ct)),
      macInput: parsed.token.signedText,
      macHex: hex(base64UrlDecode(mac)),
      bizHash: s.request === undefined ? null : bizHash(s.request, suite.hash),
      token,
      verifyAt: parsed.token.header.ts + 250,
    });
  }

  // ---- invalid tokens: the suite-specific failures --------------------------------------
  const seal = (h: Partial<TokenHeader>, label: string, plaintext?: Uint8Array) =>
    sealToken({
      suite,
      macKey: keys.macKey,
      encKey: keys.encKey,
      header: {
        v: PROTOCOL_VERSION,
        suite: LJG1_SUITE,
        sid,
        seq: 1,
        ts: st,
        nonce: b64(gm(`${label}-nonce`, 16)),
        kind: 'telemetry',
        act: null,
        bh: null,
        ...h,
      },
      plaintext: plaintext ?? encodePayload({ signals: {} }, st),
      iv: gm(`${label}-iv`, 16),
    });
  const valid = seal({}, 'invalid-base');
  const [h0, iv0, ct0, mac0] = valid.split('.');
  const macBytes = base64UrlDecode(mac0);
  macBytes[31] ^= 1;
  const repay: BoundRequest = { method: 'POST', path: '/api/loans/L-A/repay', body: { kind: 'current' } };
  // Final block decrypts to 16 × 0x00: a PKCS#7 pad byte of 0, correctly MACed.
  const zeroPad = (() => {
    const iv = gm('invalid-padding-iv', 16);
    const body = utf8Encode(`{"p":{},"dt":${st}}`.padEnd(32, ' '));
    const raw = suite.encrypt(keys.encKey, iv, concatBytes(body, new Uint8Array(16)));
    const header = b64(
      utf8Encode(
        canonicalJson({
          act: null,
          bh: null,
          kind: 'telemetry',
          nonce: b64(gm('invalid-padding-nonce', 16)),
          seq: 1,
          sid,
          suite: LJG1_SUITE,
          ts: st,
          v: PROTOCOL_VERSION,
        }),
      ),
    );
    const signed = `${header}.${b64(iv)}.${b64(raw.slice(0, 48))}`;
    return `${signed}.${b64(suite.mac(keys.macKey, asciiBytes(signed)))}`;
  })();
  const invalid: InvalidTokenVector[] = [
    {
      code: ReasonCode.MALFORMED,
      description: 'ciphertext of 15 bytes (not a multiple of the SM4 block)',
      now: st,
      before: [],
      token: `${h0}.${iv0}.${b64(base64UrlDecode(ct0).slice(0, 15))}.${mac0}`,
      context: {},
    },
    {
      code: ReasonCode.SUITE_UNSUPPORTED,
      description: 'header names LJR1 in an LJG1 session (correctly MACed with the session keys)',
      now: st,
      before: [],
      token: seal({ suite: DEFAULT_SUITE }, 'invalid-suite'),
      context: {},
    },
    {
      code: ReasonCode.MAC_INVALID,
      description: 'last HMAC-SM3 byte flipped',
      now: st,
      before: [],
      token: `${h0}.${iv0}.${ct0}.${b64(macBytes)}`,
      context: {},
    },
    {
      code: ReasonCode.PAYLOAD_INVALID,
      description: 'SM4-CBC padding byte 0 (correctly MACed)',
      now: st,
      before: [],
      token: zeroPad,
      context: {},
    },
    {
      code: ReasonCode.BIZ_MISMATCH,
      description: 'bh is the SHA-256 bizHash (LJR1) of the request, not the SM3 one',
      now: st,
      before: [],
      token: seal({ kind: 'action', act: 'repay', bh: bizHash(repay) }, 'invalid-bh-hash'),
      context: { request: repay, expectKind: 'action', expectAction: 'repay' },
    },
  ];

  return {
    primitives: primitives(),
    handshake,
    tokens: {
      description:
        'Tokens sealed by the client in the LJG1 handshake session above, in order. Verify each at verifyAt, in order; bizHash = base64url(SM3(canonicalRequest)).',
      session,
      tokens,
    },
    invalid: {
      description:
        'LJG1-specific invalid tokens. For each case: fresh store holding `session`, server clock at `now`, verify each `before` token (all must pass), then `token` with `context` must fail with `code`.',
      server: {
        keyId: KEY_ID,
        suite: LJG1_SUITE,
        privateKey: b64(serverPrivate),
        sessionTtlMs: SESSION_TTL_MS,
        skewMs: SKEW_MS,
      },
      session,
      cases: invalid,
    },
  };
}

async function main(): Promise<void> {
  const vectors = await buildGmTestVectors();
  const dir = path.join(__dirname, '..', 'test-vectors');
  for (const [key, file] of Object.entries(GM_VECTOR_FILES)) {
    fs.writeFileSync(path.join(dir, file), vectorFileText(vectors[key as keyof typeof vectors]));
    process.stdout.write(`wrote test-vectors/${file}\n`);
  }
}

if (require.main === module)
  main().catch((err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
    process.exit(1);
  });
