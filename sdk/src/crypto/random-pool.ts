/**
 * A pool of bytes refilled from the platform CSPRNG (`wx.getRandomValues`, Web Crypto, Node
 * crypto). Every key, IV and nonce in the SDK comes from here; there is deliberately no fallback to
 * the non-cryptographic `Math` RNG or a time-based source: if the platform cannot give us real randomness we refuse to
 * produce keys at all ("fail closed") rather than produce predictable ones.
 */
import { constantTimeEqual } from './constant-time';
import { isAllZero } from './bytes';

/** Fills `buf` completely with cryptographically secure random bytes, synchronously. */
export type RandomFill = (buf: Uint8Array) => void;

/** Thrown when the platform random source is missing or misbehaves. Callers must not retry with a weaker source. */
export class RandomSourceError extends Error {
  /** Stable code so app code can tell this apart from network errors. */
  readonly code = 'RANDOM_UNAVAILABLE' as const;
  constructor(message: string) {
    super(`[risk-sdk] secure random source unavailable: ${message}`);
    this.name = 'RandomSourceError';
  }
}

export interface RandomPoolOptions {
  /** Bytes fetched from the platform per refill. Default 256 (Web Crypto allows up to 65536 per call). */
  poolSize?: number;
}

export interface RandomPool {
  /** Returns `n` fresh random bytes (never handed out twice). Throws `RandomSourceError` when the source fails. */
  bytes(n: number): Uint8Array;
}

const DEFAULT_POOL_SIZE = 256;
/** Bytes compared between consecutive refills to catch a source stuck on one output. */
const STUCK_CHECK_BYTES = 16;

export function createRandomPool(fill: RandomFill, options: RandomPoolOptions = {}): RandomPool {
  if (typeof fill !== 'function') throw new RandomSourceError('no fill function was provided by the platform');
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 32 || poolSize > 65536) {
    throw new RangeError('createRandomPool: poolSize must be an integer in [32, 65536]');
  }
  let pool: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let previousHead: Uint8Array | null = null;

  function draw(size: number): Uint8Array {
    const buf = new Uint8Array(size);
    try {
      fill(buf);
    } catch (err) {
      throw new RandomSourceError(`fill threw: ${err instanceof Error ? err.message : String(err)}`);
    }
    // A fill that silently did nothing leaves zeros; 32+ zero bytes from a real CSPRNG has probability 2^-256.
    if (isAllZero(buf)) throw new RandomSourceError('fill returned all zero bytes');
    const head = buf.slice(0, STUCK_CHECK_BYTES);
    if (previousHead && constantTimeEqual(head, previousHead)) {
      throw new RandomSourceError('fill returned the same bytes twice');
    }
    previousHead = head;
    return buf;
  }

  return {
    bytes(n: number): Uint8Array {
      if (!Number.isInteger(n) || n < 0) throw new RangeError('RandomPool.bytes: n must be a non-negative integer');
      if (n === 0) return new Uint8Array(0);
      if (n > poolSize) return draw(Math.max(n, 32));
      if (offset + n > pool.length) {
        pool = draw(poolSize);
        offset = 0;
      }
      const out = pool.slice(offset, offset + n);
      // Wipe what we hand out so a later bug (or heap dump) cannot reuse those bytes.
      pool.fill(0, offset, offset + n);
      offset += n;
      return out;
    },
  };
}
