/**
 * A few LJG1 (国密, PROTOCOL.md §8.1) inputs for the Java ⇄ Node cross-check: tokens sealed by the
 * SDK's node:crypto LJG1 suite under the session of ljg1-invalid-tokens.json — one per reason code
 * plus the SM-specific ones (SHA-256 bh, padding, block size, an LJR1 MAC) — and handshake requests
 * with SM2 keys valid, off the curve, compressed, hybrid-tagged or with a coordinate ≥ p.
 * Small on purpose: the strict-parsing and RFC 8785 edges are suite-independent and covered by the
 * LJR1 corpus. Deterministic.
 */
import { createCipheriv, createECDH, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ljg1NodeSuite } from '../../../src/server/ljg1-node-suite';
import { ljr1NodeSuite } from '../../../src/server/ljr1-node-suite';
import { sealToken, encodePayload, type TokenHeader } from '../../../src/protocol/token';
import { bizHash, type BoundRequest } from '../../../src/crypto/biz-hash';
import type { TokenCase } from './token-corpus';
import type { HandshakeCase } from './handshake-corpus';

const read = (file: string) => JSON.parse(readFileSync(path.join(__dirname, '../../../test-vectors', file), 'utf8'));
export const LJG1_INVALID_VECTORS = read('ljg1-invalid-tokens.json');
export const LJG1_HANDSHAKE_VECTOR = read('ljg1-handshake.json');

const SESSION = LJG1_INVALID_VECTORS.session;
const SKEW: number = LJG1_INVALID_VECTORS.server.skewMs;
const NOW = SESSION.createdAt + 5_000;
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const macKey = Buffer.from(SESSION.macKey, 'base64url');
const encKey = Buffer.from(SESSION.encKey, 'base64url');
const REQ: BoundRequest = {
  method: 'POST',
  path: '/api/loans/L-7/repay',
  body: { amountFen: 1_733_125, 备注: '还款' },
};
const ACTION = { request: REQ, expectKind: 'action', expectAction: 'repay' };

export function ljg1TokenCorpus(): TokenCase[] {
  let nonces = 0;
  const header = (over: Partial<TokenHeader> = {}): TokenHeader => {
    nonces++;
    return {
      v: 2,
      suite: ljg1NodeSuite.name,
      sid: SESSION.id,
      seq: nonces,
      ts: NOW,
      nonce: b64(Buffer.alloc(16, nonces)),
      kind: 'action',
      act: 'repay',
      bh: bizHash(REQ, ljg1NodeSuite.hash),
      ...over,
    };
  };
  const plaintext = encodePayload({ signals: { 设备: 1 } }, NOW - 1_000);
  const seal = (h: TokenHeader, p: Uint8Array = plaintext) =>
    sealToken({ suite: ljg1NodeSuite, macKey, encKey, header: h, plaintext: p, iv: Buffer.alloc(16, 0x2a) });
  /** Replaces part `i` and re-MACs with HMAC-SM3, so the edit reaches the step after the MAC. */
  const withPart = (token: string, i: number, part: string) => {
    const p = token.split('.');
    p[i] = part;
    const signed = p.slice(0, 3).join('.');
    return `${signed}.${b64(createHmac('sm3', macKey).update(signed).digest())}`;
  };
  const cases: TokenCase[] = [];
  const add = (description: string, token: string, extra: Partial<TokenCase> = {}) =>
    cases.push({ description, now: NOW, before: [], token, context: ACTION, ...extra });

  const valid = seal(header());
  add('valid action (bh = SM3)', valid);
  add('valid telemetry', seal(header({ kind: 'telemetry', act: null, bh: null })), {
    context: { expectKind: 'telemetry' },
  });
  add('bh is the SHA-256 bizHash', seal(header({ bh: bizHash(REQ, ljr1NodeSuite.hash) })));
  add('another loan in the path', valid, { context: { ...ACTION, request: { ...REQ, path: '/api/loans/L-8/repay' } } });
  add('header names LJR1', seal(header({ suite: ljr1NodeSuite.name })));
  add('unknown session', seal(header({ sid: b64(Buffer.alloc(16, 0xee)) })));
  add('session expired', seal(header({ ts: SESSION.expiresAt })), { now: SESSION.expiresAt });
  const parts = valid.split('.');
  const mac = Buffer.from(parts[3], 'base64url');
  mac[31] ^= 1;
  add('last HMAC-SM3 byte flipped', [...parts.slice(0, 3), b64(mac)].join('.'));
  const signed = parts.slice(0, 3).join('.');
  add(
    'MACed with HMAC-SHA256 (LJR1) under the same key',
    `${signed}.${b64(createHmac('sha256', macKey).update(signed).digest())}`,
  );
  add('ciphertext of 15 bytes', withPart(valid, 2, b64(Buffer.alloc(15, 1))));
  add('IV of 15 bytes', withPart(valid, 1, b64(Buffer.alloc(15, 1))));
  const raw = createCipheriv('sm4-cbc', encKey, Buffer.alloc(16, 0x2a)).setAutoPadding(false);
  const zeroPad = Buffer.concat([raw.update(Buffer.alloc(16, 0)), raw.final()]);
  add('SM4-CBC padding byte 0', withPart(valid, 2, b64(zeroPad)));
  add('payload not {dt, p}', seal(header(), encodePayload({ signals: {} }, NOW).subarray(1)));
  add('timestamp outside the window', seal(header({ ts: NOW - SKEW - 1 })));
  add('timestamp at the window edge', seal(header({ ts: NOW + SKEW })));
  add('nonce replayed', valid, { before: [{ token: valid, context: ACTION }] });
  const later = seal(header({ seq: 5 }));
  add('seq rewound', seal(header({ seq: 4 })), { before: [{ token: later, context: ACTION }] });
  const bindsC1 = seal(header()); // sealed first: its seq is below the token's
  add('session bound to another customer', seal(header()), {
    before: [{ token: bindsC1, context: { ...ACTION, customerId: 'C-1' } }],
    context: { ...ACTION, customerId: 'C-2' },
  });
  return cases;
}

/** The SM2 public key (0x04 ‖ x ‖ y) of a fixed 32-byte private key. */
const sm2PublicKey = (fill: number) => {
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(Buffer.alloc(32, fill));
  return ecdh.getPublicKey();
};
const SM2_P = Buffer.from('fffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff', 'hex');

export function ljg1HandshakeCorpus(): HandshakeCase[] {
  const base = LJG1_HANDSHAKE_VECTOR.request as Record<string, unknown>;
  const epk = Buffer.from(base.epk as string, 'base64url');
  const cases: HandshakeCase[] = [
    { description: 'the vector request', request: base, ...LJG1_HANDSHAKE_VECTOR.serverRandomDraws },
  ];
  const add = (description: string, over: Record<string, unknown>) =>
    cases.push({
      description,
      request: { ...base, ...over },
      sid: b64(Buffer.alloc(16, cases.length)),
      ns: b64(Buffer.alloc(16, 0x80 + cases.length)),
    });
  for (const fill of [1, 2, 0x7f]) add(`another client key (${fill})`, { epk: b64(sm2PublicKey(fill)) });
  const offCurve = Buffer.from(epk);
  offCurve[64] ^= 1;
  add('epk off the curve', { epk: b64(offCurve) });
  add('epk compressed (33 bytes)', {
    epk: b64(Buffer.concat([Buffer.from([2 + (epk[64] & 1)]), epk.subarray(1, 33)])),
  });
  add('epk hybrid tag 0x06/0x07 (65 bytes)', {
    epk: b64(Buffer.concat([Buffer.from([6 + (epk[64] & 1)]), epk.subarray(1)])),
  });
  add('epk 0x04 ‖ zeros', { epk: b64(Buffer.concat([Buffer.from([4]), Buffer.alloc(64)])) });
  add('epk with x = p', { epk: b64(Buffer.concat([Buffer.from([4]), SM2_P, epk.subarray(33)])) });
  add('epk of 32 bytes (an X25519 size)', { epk: b64(epk.subarray(0, 32)) });
  add('LJR1 named for the LJG1 key', { suite: ljr1NodeSuite.name });
  add('unknown key id', { kid: 'ljg1-test-1999' });
  return cases;
}
