import { backoffDelay, bytesToUnit } from './backoff';
import { eventIdFrom } from './event-id';

describe('backoff', () => {
  it('doubles per attempt up to the cap, with equal jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, 1000, 60_000, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, 1000, 60_000, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(30, 1000, 60_000, 0.5)).toBe(45_000);
  });

  it('maps random bytes to [0, 1)', () => {
    expect(bytesToUnit(new Uint8Array([0, 0, 0, 0]))).toBe(0);
    expect(bytesToUnit(new Uint8Array([255, 255, 255, 255]))).toBeLessThan(1);
    expect(bytesToUnit(new Uint8Array([128, 0, 0, 0]))).toBe(0.5);
  });

  it('event ids are 32 hex chars of the 16 random bytes', () => {
    expect(eventIdFrom(new Uint8Array([0, 1, 15, 16, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 171]))).toBe(
      '00010f10ff00000000000000000000ab',
    );
  });
});
