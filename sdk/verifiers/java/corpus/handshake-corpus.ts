/**
 * Generated handshake requests for the Java ⇄ Node cross-check: the vector's request, other valid
 * client keys (including a public key with its top bit set, which X25519 must mask), and malformed,
 * unsupported, unknown-key and low-order-point requests. Deterministic.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const HANDSHAKE_VECTOR = JSON.parse(
  readFileSync(path.join(__dirname, '../../../test-vectors/ljr1-handshake.json'), 'utf8'),
);

export interface HandshakeCase {
  description: string;
  request: unknown;
  /** Server draws: session id, then server nonce (base64url, 16 bytes each). */
  sid: string;
  ns: string;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** The X25519 public key of a 32-byte private key. */
function publicKeyOf(privateKey: Buffer): Buffer {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), privateKey]);
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
    format: 'der',
    type: 'spki',
  });
  return spki.subarray(spki.length - 32);
}

export function handshakeCorpus(): HandshakeCase[] {
  const base = HANDSHAKE_VECTOR.request as Record<string, unknown>;
  const cases: HandshakeCase[] = [];
  let n = 0;
  const add = (description: string, request: unknown) => {
    n++;
    cases.push({ description, request, sid: b64(Buffer.alloc(16, n)), ns: b64(Buffer.alloc(16, 0x80 + n)) });
  };
  const req = (over: Record<string, unknown>) => ({ ...base, ...over });

  // With the vector's own draws, so the answer must be the vector's response.
  cases.push({ description: 'the vector request', request: base, ...HANDSHAKE_VECTOR.serverRandomDraws });
  for (const seed of [1, 2, 3])
    add(`another client key (${seed})`, req({ epk: b64(publicKeyOf(Buffer.alloc(32, seed))) }));
  const highBit = publicKeyOf(Buffer.alloc(32, 4));
  highBit[31] |= 0x80;
  add('client key with the top bit set (masked by X25519)', req({ epk: b64(highBit) }));
  add('protocol version 2', req({ v: 2 }));
  add('version as a string', req({ v: '1' }));
  add('extra member', req({ x: 1 }));
  add('member missing', Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'nc')));
  add('not an object', [base]);
  add('null', null);
  add('unknown suite', req({ suite: 'LJR9-X448-HMAC-SHA512-AES256GCM' }));
  add('suite of 65 characters', req({ suite: 'S'.repeat(65) }));
  add('unknown key id', req({ kid: 'bank-1999' }));
  add('key id with a space', req({ kid: 'bank 2026' }));
  add('key id of 65 characters', req({ kid: 'k'.repeat(65) }));
  add('epk of 31 bytes', req({ epk: b64(Buffer.alloc(31, 9)) }));
  add('epk not canonical base64url', req({ epk: `${(base.epk as string).slice(0, -1)}1` }));
  add('epk over 200 characters', req({ epk: 'A'.repeat(201) }));
  add('low-order point u = 0', req({ epk: b64(Buffer.alloc(32, 0)) }));
  add('low-order point u = 1', req({ epk: b64(Buffer.concat([Buffer.from([1]), Buffer.alloc(31, 0)])) }));
  add('nc of 15 bytes', req({ nc: b64(Buffer.alloc(15, 1)) }));
  add('nc not a string', req({ nc: 7 }));
  return cases;
}
