import { createTransport, type TelemetryEvent, type TransportOptions } from './transport';
import { createSdkStorage } from '../platform/sdk-storage';
import { createMemoryStorage } from '../platform/memory-storage';
import { seededFill } from '../platform/seeded-random';

function setup(options: TransportOptions = {}, storage = createMemoryStorage()) {
  const sent: TelemetryEvent[][] = [];
  const metas: number[] = [];
  let fail = false;
  const fill = seededFill(3);
  const randomBytes = jest.fn((n: number) => {
    const b = new Uint8Array(n);
    fill(b);
    return b;
  });
  const t = createTransport(
    {
      storage: createSdkStorage(storage),
      now: () => Date.now(),
      randomBytes,
      send: async (events, meta) => {
        if (fail) throw new Error('offline');
        sent.push(events);
        metas.push(meta.dropped);
        return events.map((e) => e.id);
      },
    },
    options,
  );
  return { t, sent, metas, storage, randomBytes, setFail: (f: boolean) => (fail = f) };
}

describe('telemetry transport', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('sends when the batch size is reached', async () => {
    const s = setup({ batchSize: 3, maxAgeMs: 60_000 });
    s.t.enqueue('a');
    s.t.enqueue('b');
    await jest.advanceTimersByTimeAsync(0);
    expect(s.sent).toEqual([]);
    s.t.enqueue('c');
    await jest.advanceTimersByTimeAsync(0);
    expect(s.sent.map((b) => b.map((e) => e.type))).toEqual([['a', 'b', 'c']]);
  });

  it('refuses an event that could never be sealed (lone surrogate), so it cannot block the queue', async () => {
    const s = setup({ batchSize: 2, maxAgeMs: 60_000 });
    s.t.enqueue('a');
    expect(() => s.t.enqueue('tap', { label: 'x\ud800' })).toThrow(/cannot be sent: .*surrogate/);
    expect(() => s.t.enqueue('tap', { n: Number.NaN })).toThrow(TypeError);
    expect(s.t.size()).toBe(1);
    s.t.enqueue('b');
    await jest.advanceTimersByTimeAsync(0);
    expect(s.sent.map((b) => b.map((e) => e.type))).toEqual([['a', 'b']]);
  });

  it('drops (and counts) an unsendable event a previous version persisted, and sends the rest', async () => {
    const storage = createMemoryStorage();
    const good = { id: 'AAAAAAAAAAAAAAAAAAAAAA', t: 1, type: 'a' };
    const poisoned = { id: 'BBBBBBBBBBBBBBBBBBBBBB', t: 2, type: 'tap', data: { label: '\udc00' } };
    createSdkStorage(storage).setJson('tq', { events: [poisoned, good], dropped: 1 });
    const s = setup({ batchSize: 1, maxAgeMs: 60_000 }, storage);
    expect(s.t.size()).toBe(1);
    expect(s.t.dropped()).toBe(2);
    await s.t.flush();
    expect(s.sent.map((b) => b.map((e) => e.id))).toEqual([[good.id]]);
    expect(s.metas).toEqual([2]);
  });

  it('sends when the oldest event reaches the age threshold', async () => {
    const s = setup({ batchSize: 100, maxAgeMs: 5_000 });
    s.t.enqueue('a');
    await jest.advanceTimersByTimeAsync(3_000);
    s.t.enqueue('b');
    await jest.advanceTimersByTimeAsync(1_999);
    expect(s.sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(s.sent[0].map((e) => e.type)).toEqual(['a', 'b']);
  });

  it('backs off exponentially with CSPRNG jitter, and flush() bypasses the wait', async () => {
    const s = setup({ batchSize: 1, baseBackoffMs: 1_000, maxBackoffMs: 4_000 });
    s.setFail(true);
    s.t.enqueue('a');
    await jest.advanceTimersByTimeAsync(0);
    const jitterCalls = () => s.randomBytes.mock.calls.filter(([n]) => n === 4).length;
    expect(jitterCalls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000); // attempt 2 within [500, 1000]
    expect(jitterCalls()).toBe(2);
    await jest.advanceTimersByTimeAsync(500); // attempt 3 waits at least 1000
    expect(jitterCalls()).toBe(2);
    s.setFail(false);
    const r = await s.t.flush();
    expect(r).toEqual({ sent: 1, remaining: 0, ok: true });
  });

  it('persists on every enqueue so a new instance resumes the queue', async () => {
    const storage = createMemoryStorage();
    const a = setup({ batchSize: 50 }, storage);
    const id1 = a.t.enqueue('a', { n: 1 });
    a.t.stop(); // app killed
    const b = setup({ batchSize: 50 }, storage);
    expect(b.t.size()).toBe(1);
    await b.t.flush();
    expect(b.sent[0]).toEqual([{ id: id1, t: 1_000_000, type: 'a', data: { n: 1 } }]);
    expect(JSON.parse(storage.dump()['ljr:tq'])).toEqual({ events: [], dropped: 0 });
  });

  it('bounds the queue, oldest first, and reports the dropped count until acknowledged', async () => {
    const s = setup({ batchSize: 4, maxQueue: 4 });
    s.setFail(true);
    for (let i = 0; i < 10; i++) s.t.enqueue(`e${i}`);
    expect(s.t.size()).toBe(4);
    expect(s.t.dropped()).toBe(6);
    s.setFail(false);
    await s.t.flush();
    expect(s.sent[0].map((e) => e.type)).toEqual(['e6', 'e7', 'e8', 'e9']);
    expect(s.metas).toEqual([6]);
    expect(s.t.dropped()).toBe(0);
  });

  it('ignores a torn queue in storage', () => {
    const s = setup({}, createMemoryStorage({ 'ljr:tq': '{"events":[{"id":' }));
    expect(s.t.size()).toBe(0);
  });

  it('does nothing after drop()', async () => {
    const s = setup({ batchSize: 1 });
    s.t.drop();
    const writes = s.storage.counters.writes;
    expect(s.t.enqueue('x')).toBe('');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(s.sent).toEqual([]);
    expect(s.storage.counters.writes).toBe(writes);
  });
});
