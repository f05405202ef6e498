/**
 * X25519 (RFC 7748) from @noble/curves, an audited pure-JS implementation that runs in the
 * mini-program logic layer. Private keys always come from the caller's CSPRNG pool.
 *
 * Built from noble's `abstract/montgomery` with the RFC 7748 parameters instead of importing
 * `@noble/curves/ed25519`: that module also carries Ed25519 signatures, Ristretto and
 * hash-to-curve (plus SHA-512), roughly 20 KB of minified code the SDK never calls.
 * The RFC 7748 §6.1 vectors and the cross-check against node:crypto guard this construction.
 */
import { montgomery } from '@noble/curves/abstract/montgomery';
import { isAllZero } from './bytes';

// BigInt() calls rather than `n` literals so older transpilers in mini-program toolchains cope.
const ZERO = BigInt(0);
const ONE = BigInt(1);
/** The field prime 2^255 − 19. */
const P = (ONE << BigInt(255)) - BigInt(19);
const P_MINUS_2 = P - BigInt(2);

/** x^(p−2) mod p (the field inverse), by square-and-multiply; the exponent is a public constant. */
function powPminus2(x: bigint): bigint {
  let result = ONE;
  let base = ((x % P) + P) % P;
  for (let e = P_MINUS_2; e > ZERO; e >>= ONE) {
    if (e & ONE) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

/** RFC 7748 §5 scalar clamping, on a copy so the caller's key bytes stay as drawn. */
function adjustScalarBytes(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[0] &= 248;
  out[31] &= 127;
  out[31] |= 64;
  return out;
}

const curve = montgomery({
  P,
  type: 'x25519',
  powPminus2,
  adjustScalarBytes,
  // Never used by the SDK (keys come from the pool); set so noble's own default is never reached.
  randomBytes: () => {
    throw new Error('x25519: use the SDK random pool');
  },
});

export interface X25519KeyPair {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** `random` must be a CSPRNG (normally `RandomPool.bytes`). */
export function x25519GenerateKeyPair(random: (n: number) => Uint8Array): X25519KeyPair {
  const privateKey = random(32);
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32)
    throw new TypeError('x25519: random(32) must return 32 bytes');
  return { privateKey, publicKey: curve.getPublicKey(privateKey) };
}

export function x25519PublicKey(privateKey: Uint8Array): Uint8Array {
  return curve.getPublicKey(privateKey);
}

/** Rejects an all-zero result (peer sent a low-order point), per RFC 7748 §6.1. */
export function x25519SharedSecret(privateKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  if (peerPublicKey.length !== 32) throw new TypeError('x25519: public key must be 32 bytes');
  let shared: Uint8Array;
  try {
    shared = curve.getSharedSecret(privateKey, peerPublicKey);
  } catch {
    throw new TypeError('x25519: invalid peer public key');
  }
  if (isAllZero(shared)) throw new TypeError('x25519: low-order peer public key');
  return shared;
}
