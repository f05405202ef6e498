import { randomFillSync } from 'node:crypto';
import { createRandomPool, RandomSourceError } from './random-pool';

describe('createRandomPool', () => {
  it('hands out fresh, non-overlapping bytes and refills from the platform', () => {
    const fill = jest.fn((b: Uint8Array) => {
      randomFillSync(b);
    });
    const pool = createRandomPool(fill, { poolSize: 64 });
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) seen.add(Buffer.from(pool.bytes(16)).toString('hex'));
    expect(seen.size).toBe(40);
    expect(fill.mock.calls.length).toBe(10); // 4 draws of 16 per 64-byte refill
    expect(pool.bytes(1000)).toHaveLength(1000); // larger than the pool: drawn directly
  });

  it('fails closed when fill is missing', () => {
    expect(() => createRandomPool(undefined as unknown as (b: Uint8Array) => void)).toThrow(RandomSourceError);
  });

  it('fails closed when fill throws, and keeps failing (no silent fallback)', () => {
    const pool = createRandomPool(() => {
      throw new Error('getRandomValues is not supported');
    });
    expect(() => pool.bytes(16)).toThrow(
      /secure random source unavailable: fill threw: getRandomValues is not supported/,
    );
    expect(() => pool.bytes(16)).toThrow(RandomSourceError);
  });

  it('fails closed when fill leaves the buffer untouched (all zeros)', () => {
    const pool = createRandomPool(() => {
      /* forgot to fill */
    });
    let err: unknown;
    try {
      pool.bytes(32);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RandomSourceError);
    expect((err as RandomSourceError).code).toBe('RANDOM_UNAVAILABLE');
    expect((err as Error).message).toMatch(/all zero/);
    expect(() => pool.bytes(5000)).toThrow(/all zero/);
  });

  it('fails closed when the source is stuck on one output', () => {
    const pool = createRandomPool((b) => b.fill(7), { poolSize: 32 });
    expect(pool.bytes(32)).toHaveLength(32);
    expect(() => pool.bytes(1)).toThrow(/same bytes twice/);
  });
});
