import { poissonUpperTail } from './poisson';

describe('poissonUpperTail', () => {
  it.each([
    // Reference values from a 50-digit decimal sum of the tail (Python `decimal`), independent of this code.
    [1, 1, 6.3212055882855767e-1],
    [3, 1, 8.0301397071394193e-2],
    [10, 2, 4.6498075017263805e-5],
    [20, 3, 8.3144235881916994e-11],
    [15, 10, 8.3458472934662825e-2],
  ])('P(X ≥ %i | λ = %f) = %f', (k, lambda, expected) => {
    expect(Math.abs(poissonUpperTail(k, lambda) / expected - 1)).toBeLessThan(1e-9);
  });

  it('is 1 for k ≤ 0, 0 when nothing is expected, large at the mean', () => {
    expect(poissonUpperTail(0, 5)).toBe(1);
    expect(poissonUpperTail(5, 5)).toBeCloseTo(0.5595067149347875, 12);
    expect(poissonUpperTail(3, 0)).toBe(0);
  });

  it('stays positive and monotone far in the tail', () => {
    const a = poissonUpperTail(100, 2);
    const b = poissonUpperTail(101, 2);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThan(a);
  });
});
