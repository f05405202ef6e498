import { createBatcher } from './batcher';

/** A run function whose batches the test completes by hand. */
function manual() {
  const batches: Array<{ items: number[]; commit: () => void; fail: (e: Error) => void }> = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ items, commit: () => resolve(items.map((i) => `r${i}`)), fail: reject });
    });
  return { batches, run };
}
const turn = () => new Promise((r) => setImmediate(r));

describe('group commit batcher', () => {
  test('callers of one turn share a batch; each gets its own result, only after the commit', async () => {
    const m = manual();
    const b = createBatcher({ run: m.run });
    let settled = 0;
    const ps = [1, 2, 3].map((i) => b.add(i).finally(() => settled++));
    await turn();
    expect(m.batches.map((x) => x.items)).toEqual([[1, 2, 3]]);
    await turn();
    expect(settled).toBe(0); // not committed yet: nobody is answered
    m.batches[0].commit();
    expect(await Promise.all(ps)).toEqual(['r1', 'r2', 'r3']);
  });

  test('while the slots are busy, items queue in order until a slot frees or maxBatch is reached', async () => {
    const m = manual();
    const b = createBatcher({ run: m.run, maxInFlight: 1, maxBatch: 3, maxWaitMs: 10_000 });
    const first = b.add(0);
    await turn();
    const later = [1, 2, 3, 4].map((i) => b.add(i));
    await turn();
    expect(m.batches).toHaveLength(1);
    m.batches[0].commit();
    await first;
    await turn();
    expect(m.batches.map((x) => x.items)).toEqual([[0], [1, 2, 3]]);
    m.batches[1].commit();
    await turn();
    await turn();
    expect(m.batches[2].items).toEqual([4]);
    m.batches[2].commit();
    expect(await Promise.all(later)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  test('the wait is bounded: a queued item starts after maxWaitMs even if every slot stays busy', async () => {
    const m = manual();
    const b = createBatcher({ run: m.run, maxInFlight: 1, maxWaitMs: 5 });
    void b.add(0);
    await turn();
    const waiting = b.add(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(m.batches.map((x) => x.items)).toEqual([[0], [1]]);
    m.batches[1].commit();
    expect(await waiting).toBe('r1');
  });

  test('a failed batch fails all of its callers and none of another batch', async () => {
    const m = manual();
    const b = createBatcher({ run: m.run, maxInFlight: 2, maxBatch: 2 });
    const ps = [1, 2, 3, 4].map((i) => b.add(i));
    await turn();
    expect(m.batches.map((x) => x.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    m.batches[0].fail(new Error('disk full'));
    m.batches[1].commit();
    const out = await Promise.allSettled(ps);
    expect(out.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled']);
    await b.drain();
  });

  test('a run that answers the wrong number of results fails its batch', async () => {
    const b = createBatcher<number, number>({ run: async () => [1] });
    await expect(Promise.all([b.add(1), b.add(2)])).rejects.toThrow('1 results for 2 items');
  });
});
