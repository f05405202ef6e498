/**
 * LJR1-X25519-HMAC-SHA256-AES256CBC implemented with crypto-js + @noble/curves (mini-program safe),
 * decryption included: for tests and JavaScript verifiers. The client seals with `ljr1SealSuite`.
 */
import type { CipherSuite } from '../suite';
import { aes256CbcDecrypt } from '../../crypto/aes-256-cbc';
import { ljr1SealSuite } from './ljr1-seal';

export const ljr1JsSuite: CipherSuite = { ...ljr1SealSuite, decrypt: aes256CbcDecrypt };
