/**
 * LJR1-X25519-HMAC-SHA256-AES256CBC implemented with `node:crypto` (OpenSSL) for verifier
 * throughput. Must stay byte-identical with the crypto-js client suite; the shared test vectors and
 * a cross-implementation test enforce that.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import type { CipherSuite } from '../protocol/suite';
import { DEFAULT_SUITE } from '../protocol/constants';

// Fixed DER prefixes (RFC 8410) that wrap a raw 32-byte X25519 key, so raw keys can be imported
// without JWK's requirement to also supply the public half.
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export function x25519PrivateKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TypeError('x25519: private key must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

function x25519PublicKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TypeError('x25519: public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function toBytes(b: Buffer | ArrayBuffer): Uint8Array {
  return b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export const ljr1NodeSuite: CipherSuite = {
  name: DEFAULT_SUITE,
  publicKeyLength: 32,
  macLength: 32,
  ivLength: 16,
  encKeyLength: 32,
  macKeyLength: 32,
  blockLength: 16,
  publicKeyFromPrivate(privateKey) {
    const der = createPublicKey(x25519PrivateKeyObject(privateKey)).export({ format: 'der', type: 'spki' });
    return toBytes(der.subarray(der.length - 32));
  },
  sharedSecret(privateKey, peerPublicKey) {
    let shared: Buffer;
    try {
      shared = diffieHellman({
        privateKey: x25519PrivateKeyObject(privateKey),
        publicKey: x25519PublicKeyObject(peerPublicKey),
      });
    } catch {
      // OpenSSL refuses low-order points itself; either way the peer key is unusable.
      throw new TypeError('x25519: invalid peer public key');
    }
    if (shared.every((b) => b === 0)) throw new TypeError('x25519: low-order peer public key');
    return toBytes(shared);
  },
  hash: (data) => toBytes(createHash('sha256').update(data).digest()),
  mac: (key, data) => toBytes(createHmac('sha256', key).update(data).digest()),
  kdf: (ikm, salt, info, length) => toBytes(hkdfSync('sha256', ikm, salt, info, length)),
  encrypt(key, iv, plaintext) {
    const c = createCipheriv('aes-256-cbc', key, iv);
    return toBytes(Buffer.concat([c.update(plaintext), c.final()]));
  },
  decrypt(key, iv, ciphertext) {
    const d = createDecipheriv('aes-256-cbc', key, iv);
    return toBytes(Buffer.concat([d.update(ciphertext), d.final()]));
  },
};
