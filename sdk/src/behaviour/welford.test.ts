import fc from 'fast-check';
import { createWelford, pushWelford, summarise } from './welford';

describe('Welford running statistics', () => {
  it('matches the two-pass mean and population std', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const w = createWelford();
        xs.forEach((x) => pushWelford(w, x));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
        const s = summarise(w);
        expect(s.n).toBe(xs.length);
        expect(Math.abs(s.mean - mean)).toBeLessThan(1e-3 + Math.abs(mean) * 1e-9);
        expect(Math.abs(s.std - (xs.length > 1 ? std : 0))).toBeLessThan(1e-3 + std * 1e-6);
        expect(s.min).toBeCloseTo(Math.min(...xs), 3);
        expect(s.max).toBeCloseTo(Math.max(...xs), 3);
      }),
    );
  });

  it('summarises an empty statistic as zeros (JSON-safe, no Infinity)', () => {
    expect(summarise(createWelford())).toEqual({ n: 0, mean: 0, std: 0, min: 0, max: 0 });
  });
});
