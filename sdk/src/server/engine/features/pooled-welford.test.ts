import fc from 'fast-check';
import { createWelford, pushWelford, summarise } from '../../../behaviour/welford';
import { poolMoments, readMoments } from './pooled-welford';

describe('poolMoments', () => {
  it('pooling per-chunk SDK summaries equals the statistics of all samples together', () => {
    const chunk = fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 6 }), (chunks) => {
        const parts = chunks.map((xs) => {
          const w = createWelford();
          xs.forEach((x) => pushWelford(w, x));
          return readMoments(summarise(w))!;
        });
        const all = chunks.flat();
        const pooled = poolMoments(parts)!;
        expect(pooled.n).toBe(all.length);
        if (all.length === 0) return;
        const mean = all.reduce((a, b) => a + b, 0) / all.length;
        const std = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length);
        // The SDK rounds each summary to 3 decimals; allow for that.
        expect(Math.abs(pooled.mean - mean)).toBeLessThan(1e-3);
        expect(Math.abs(pooled.std - std)).toBeLessThan(0.05);
      }),
    );
  });

  it('reads only well-formed summaries', () => {
    expect(readMoments({ n: 3, mean: 10, std: 2, min: 8, max: 12 })).toEqual({ n: 3, mean: 10, std: 2 });
    for (const bad of [null, {}, { n: 1.5, mean: 1, std: 0 }, { n: 2, mean: NaN, std: 0 }, { n: 2, mean: 1, std: -1 }])
      expect(readMoments(bad)).toBeNull();
  });

  it('has no samples for no parts, and no finite answer for overflowing ones', () => {
    expect(poolMoments([])).toEqual({ n: 0, mean: 0, std: 0 });
    expect(
      poolMoments([
        { n: 2, mean: 1e308, std: 0 },
        { n: 2, mean: 1e308, std: 0 },
      ]),
    ).toBeNull();
  });
});
