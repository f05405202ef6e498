/**
 * LJR1 as the client uses it: key agreement, KDF, MAC, hash and encryption — everything but
 * decryption, which only a verifier does. Kept apart from `ljr1JsSuite` so the mini-program bundle
 * does not carry AES decryption and the PKCS#7 check.
 */
import type { CipherSuite } from '../suite';
import { DEFAULT_SUITE } from '../constants';
import { sha256 } from '../../crypto/sha256';
import { hmacSha256 } from '../../crypto/hmac-sha256';
import { hkdfSha256 } from '../../crypto/hkdf-sha256';
import { aes256CbcEncrypt } from '../../crypto/aes-256-cbc';
import { x25519GenerateKeyPair, x25519PublicKey, x25519SharedSecret } from '../../crypto/x25519';

export const ljr1SealSuite: CipherSuite = {
  name: DEFAULT_SUITE,
  publicKeyLength: 32,
  macLength: 32,
  ivLength: 16,
  encKeyLength: 32,
  macKeyLength: 32,
  blockLength: 16,
  generateKeyPair: x25519GenerateKeyPair,
  publicKeyFromPrivate: x25519PublicKey,
  sharedSecret: x25519SharedSecret,
  hash: sha256,
  mac: hmacSha256,
  kdf: (ikm, salt, info, length) => hkdfSha256(ikm, salt, info, length, hmacSha256),
  encrypt: aes256CbcEncrypt,
  decrypt() {
    throw new TypeError('the client LJR1 suite seals only; verify with the server suite');
  },
};
