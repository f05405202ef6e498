/**
 * Wire name and SM2 facts of the 国密 suite, shared by the client (sm-crypto-v2) and the Node
 * verifier (node:crypto) without pulling either implementation into the other (PROTOCOL.md §8.1).
 */

/** SM2 key agreement (ECDH on the GM/T 0003.5 curve), HKDF/HMAC-SM3, SM4-CBC with PKCS#7, encrypt-then-MAC. */
export const LJG1_SUITE = 'LJG1-SM2-HMAC-SM3-SM4CBC' as const;

/** SM2 public keys travel uncompressed: 0x04 ‖ x ‖ y, 32 bytes each (GB/T 32918.1 §4.2.9). */
export const SM2_PUBLIC_KEY_LENGTH = 65;
export const SM2_PRIVATE_KEY_LENGTH = 32;

/** Order n of the SM2 base point (GM/T 0003.5). A private key d must satisfy 1 ≤ d ≤ n − 2. */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const SM2_MAX_PRIVATE = SM2_N - BigInt(2);

/** True for 32 big-endian bytes in [1, n − 2], the SM2 private key range (n − 1 has no signature inverse). */
export function isSm2PrivateKey(bytes: Uint8Array): boolean {
  if (!(bytes instanceof Uint8Array) || bytes.length !== SM2_PRIVATE_KEY_LENGTH) return false;
  let d = BigInt(0);
  for (const b of bytes) d = (d << BigInt(8)) | BigInt(b);
  return d >= BigInt(1) && d <= SM2_MAX_PRIVATE;
}

/** Shape check before any point math: exactly 65 bytes with the uncompressed-point tag 0x04. */
export function assertSm2PublicKeyEncoding(publicKey: Uint8Array): void {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== SM2_PUBLIC_KEY_LENGTH || publicKey[0] !== 0x04)
    throw new TypeError('sm2: public key must be 65 bytes, 0x04 ‖ x ‖ y');
}
