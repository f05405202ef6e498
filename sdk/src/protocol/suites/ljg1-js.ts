/**
 * LJG1-SM2-HMAC-SM3-SM4CBC for the client (mini-program, H5): sm-crypto-v2, a TypeScript SM2/SM3/SM4
 * implementation whose SM2 is @noble/curves' audited Weierstrass code (already an SDK dependency).
 * Every private key comes from the caller's CSPRNG pool: the library's own random source is never
 * called (we never ask it to generate a key, sign or encrypt with SM2). Byte-identical with the
 * node:crypto verifier suite (sdk/src/server/ljg1-node-suite.ts); sdk/test-vectors/ljg1-*.json prove it.
 *
 * Not exported by default from the client: register it (`suites: [ljg1JsSuite]`) when the bank's key
 * is an LJG1 key, so LJR1 apps do not ship the SM code.
 */
import { hkdf, sm2, sm3, sm4 } from 'sm-crypto-v2';
import type { CipherSuite } from '../suite';
import { bytesToHex, hexToBytes } from '../../crypto/bytes';
import { stripPkcs7 } from '../../crypto/pkcs7';
import {
  assertSm2PublicKeyEncoding,
  isSm2PrivateKey,
  LJG1_SUITE,
  SM2_PRIVATE_KEY_LENGTH,
  SM2_PUBLIC_KEY_LENGTH,
} from './ljg1-params';

/** A 32-byte draw is outside [1, n − 2] with probability below 2^-32; the bound only stops a broken source. */
const MAX_KEY_DRAWS = 8;

function checkKeyIv(key: Uint8Array, iv: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== 16) throw new TypeError('sm4-cbc: key must be 16 bytes');
  if (!(iv instanceof Uint8Array) || iv.length !== 16) throw new TypeError('sm4-cbc: iv must be 16 bytes');
}

function sm2PublicKey(privateKey: Uint8Array): Uint8Array {
  if (!isSm2PrivateKey(privateKey)) throw new TypeError('sm2: private key must be 32 bytes in [1, n-2]');
  return hexToBytes(sm2.getPublicKeyFromPrivateKey(bytesToHex(privateKey)));
}

export const ljg1JsSuite: CipherSuite = {
  name: LJG1_SUITE,
  publicKeyLength: SM2_PUBLIC_KEY_LENGTH,
  macLength: 32,
  ivLength: 16,
  encKeyLength: 16,
  macKeyLength: 32,
  blockLength: 16,
  /** Rejection sampling: draws 32 bytes until they are a valid SM2 scalar (in practice, the first draw). */
  generateKeyPair(random) {
    for (let i = 0; i < MAX_KEY_DRAWS; i++) {
      const privateKey = random(SM2_PRIVATE_KEY_LENGTH);
      if (!(privateKey instanceof Uint8Array) || privateKey.length !== SM2_PRIVATE_KEY_LENGTH)
        throw new TypeError('sm2: random(32) must return 32 bytes');
      if (isSm2PrivateKey(privateKey)) return { privateKey, publicKey: sm2PublicKey(privateKey) };
    }
    throw new TypeError('sm2: random source keeps returning out-of-range keys');
  },
  publicKeyFromPrivate: sm2PublicKey,
  /** x-coordinate of d·P; noble refuses a point that is not on the curve (the cofactor is 1). */
  sharedSecret(privateKey, peerPublicKey) {
    if (!isSm2PrivateKey(privateKey)) throw new TypeError('sm2: private key must be 32 bytes in [1, n-2]');
    assertSm2PublicKeyEncoding(peerPublicKey);
    let point: Uint8Array;
    try {
      point = sm2.ecdh(privateKey, peerPublicKey, true);
    } catch {
      throw new TypeError('sm2: invalid peer public key');
    }
    return point.slice(1);
  },
  hash: (data) => hexToBytes(sm3(data)),
  mac: (key, data) => hexToBytes(sm3(data, { key, mode: 'hmac' })),
  kdf: (ikm, salt, info, length) => hkdf(ikm, salt, info, length),
  encrypt(key, iv, plaintext) {
    checkKeyIv(key, iv);
    return sm4.encrypt(plaintext, key, { mode: 'cbc', iv, padding: 'pkcs#7', output: 'array' });
  },
  decrypt(key, iv, ciphertext) {
    checkKeyIv(key, iv);
    if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) throw new TypeError('sm4-cbc: bad ciphertext length');
    return stripPkcs7(sm4.decrypt(ciphertext, key, { mode: 'cbc', iv, padding: 'none', output: 'array' }), 'sm4-cbc');
  },
};
