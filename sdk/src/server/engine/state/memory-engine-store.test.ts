import { describeEngineStoreContract } from './engine-store.contract';
import { createMemoryEngineStore } from './memory-engine-store';
import { createSeededPrng } from '../../../platform/seeded-random';

describeEngineStoreContract('memory', async () => ({ store: createMemoryEngineStore(), close: async () => undefined }));

describe('memory engine store: distinct counts at scale', () => {
  test('match a brute-force count over random sightings, across compaction and purge', async () => {
    const store = createMemoryEngineStore();
    const sightings: Array<{ at: number; member: string }> = [];
    // Seeded, so the case is reproducible; times jump back now and then (late arrivals).
    const prng = createSeededPrng(12345);
    const next = (n: number) => prng() % n;
    for (let i = 0; i < 5000; i++) {
      const at = 1_000_000 + i * 10 - (next(10) === 0 ? next(2000) : 0);
      const member = `m${next(300)}`;
      sightings.push({ at, member });
      await store.observe(at, [['k', member]]);
    }
    const brute = (since: number, cutoff = -Infinity) =>
      new Set(sightings.filter((o) => o.at >= since && o.at >= cutoff).map((o) => o.member)).size;
    const sinces = [0, 1_000_000, 1_010_000, 1_025_000, 1_040_000, 1_049_990, 1_060_000];
    expect(await store.countDistinct(sinces.map((since) => ({ key: 'k', since })))).toEqual(
      sinces.map((t) => brute(t)),
    );
    await store.purge({ observationsBefore: 1_030_000, bucketsBefore: 0, decisionsBefore: 0 });
    expect(await store.countDistinct(sinces.map((since) => ({ key: 'k', since })))).toEqual(
      sinces.map((t) => brute(t, 1_030_000)),
    );
  });
});
