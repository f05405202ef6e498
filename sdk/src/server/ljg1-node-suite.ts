/**
 * LJG1-SM2-HMAC-SM3-SM4CBC on `node:crypto`: OpenSSL provides the SM2 curve (ECDH), SM3 (hash, HMAC,
 * HKDF) and SM4-CBC, so the verifier shares no code with the client's sm-crypto-v2 suite and the
 * test vectors compare two independent implementations. Needs a Node whose OpenSSL was built with
 * SM2/SM3/SM4 (the official builds are); otherwise its first use throws.
 */
import { createCipheriv, createDecipheriv, createECDH, createHash, createHmac, hkdfSync } from 'node:crypto';
import type { CipherSuite } from '../protocol/suite';
import {
  assertSm2PublicKeyEncoding,
  isSm2PrivateKey,
  LJG1_SUITE,
  SM2_PUBLIC_KEY_LENGTH,
} from '../protocol/suites/ljg1-params';

function toBytes(b: Buffer | ArrayBuffer): Uint8Array {
  return b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function sm2Ecdh(privateKey: Uint8Array) {
  if (!isSm2PrivateKey(privateKey)) throw new TypeError('sm2: private key must be 32 bytes in [1, n-2]');
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(privateKey);
  return ecdh;
}

export const ljg1NodeSuite: CipherSuite = {
  name: LJG1_SUITE,
  publicKeyLength: SM2_PUBLIC_KEY_LENGTH,
  macLength: 32,
  ivLength: 16,
  encKeyLength: 16,
  macKeyLength: 32,
  blockLength: 16,
  publicKeyFromPrivate: (privateKey) => toBytes(sm2Ecdh(privateKey).getPublicKey()),
  sharedSecret(privateKey, peerPublicKey) {
    const ecdh = sm2Ecdh(privateKey);
    assertSm2PublicKeyEncoding(peerPublicKey);
    try {
      // OpenSSL decodes the point and refuses one that is not on the curve; the cofactor is 1, so
      // every valid point other than infinity (which has no 65-byte encoding) is of full order.
      return toBytes(ecdh.computeSecret(peerPublicKey));
    } catch {
      throw new TypeError('sm2: invalid peer public key');
    }
  },
  hash: (data) => toBytes(createHash('sm3').update(data).digest()),
  mac: (key, data) => toBytes(createHmac('sm3', key).update(data).digest()),
  kdf: (ikm, salt, info, length) => toBytes(hkdfSync('sm3', ikm, salt, info, length)),
  encrypt(key, iv, plaintext) {
    const c = createCipheriv('sm4-cbc', key, iv);
    return toBytes(Buffer.concat([c.update(plaintext), c.final()]));
  },
  decrypt(key, iv, ciphertext) {
    const d = createDecipheriv('sm4-cbc', key, iv);
    return toBytes(Buffer.concat([d.update(ciphertext), d.final()]));
  },
};
