import { createVirtualClient } from './virtual';
import { createTestBank } from './client.harness';
import { createMemoryStorage } from './platform/memory-storage';
import { RequestError } from './platform/request-error';
import { seededFill, seededUnit } from './platform/seeded-random';

describe('offline: flaky network and app kills', () => {
  afterEach(() => jest.useRealTimers());

  it('loses no event and duplicates none after de-duplication (30% failures, 5 kills)', async () => {
    jest.useFakeTimers({ now: 1_800_000_000_000 });
    const bank = createTestBank({ clock: () => Date.now() });
    const rng = seededUnit(20261126);
    let failures = 0;
    let calls = 0;
    // 15%: the request is lost on the way; 15%: the server processed it but the answer is lost
    // (the case that produces duplicates).
    const flakyPost = async (url: string, body: unknown) => {
      calls++;
      const r = rng();
      if (r < 0.15) {
        failures++;
        throw new RequestError(0);
      }
      const res = await bank.post(url, body);
      if (r < 0.3) {
        failures++;
        throw new RequestError(0);
      }
      return res;
    };
    const storage = createMemoryStorage(); // survives the kills, like wx storage
    const tracked: string[] = [];
    const leftAtKill: number[] = [];
    let launches = 0;
    // Seeded device randomness (a different seed per launch, as a real CSPRNG would differ) makes
    // the backoff jitter, and so the whole interleaving under fake timers, reproducible.
    const launch = () =>
      createVirtualClient({
        serverPublicKey: bank.publicKey,
        keyId: bank.keyId,
        transport: { batchSize: 5, maxAgeMs: 2_000, baseBackoffMs: 500, maxBackoffMs: 8_000 },
        telemetryOnGrant: false,
        device: { post: flakyPost, storage, random: seededFill(1000 + ++launches) },
      }).client;

    for (let run = 0; run < 5; run++) {
      const client = launch();
      await client.grantConsent(['basic']);
      for (let i = 0; i < 23; i++) {
        tracked.push(client.track('step', { run, i })!);
        await jest.advanceTimersByTimeAsync(Math.floor(rng() * 400));
      }
      // Killed mid-way: timers and in-flight work die with the process; the queue is in storage.
      client.destroy();
      leftAtKill.push(JSON.parse(storage.dump()['ljr:tq']).events.length);
    }
    const last = launch();
    await last.grantConsent(['basic']);
    await jest.advanceTimersByTimeAsync(30 * 60_000);
    for (let k = 0; k < 50 && (await last.flush()).remaining > 0; k++) await jest.advanceTimersByTimeAsync(10_000);

    expect(new Set(tracked).size).toBe(115);
    for (const id of tracked) expect(bank.events.has(id)).toBe(true);
    expect(bank.events.size).toBe(115);
    // The flakiness really happened, and it really produced duplicates the server had to drop.
    expect(failures / calls).toBeGreaterThan(0.2);
    expect(calls).toBeGreaterThan(40);
    if (process.env.LJR_VERBOSE) console.log({ calls, failures, duplicates: bank.duplicates, leftAtKill });
    expect(bank.duplicates).toBeGreaterThan(0);
    expect(leftAtKill.some((n) => n > 0)).toBe(true); // kills did strand queued events
    expect(JSON.parse(storage.dump()['ljr:tq']).events).toEqual([]);
    last.destroy();
  });

  it('a bounded queue drops the oldest events and reports how many', async () => {
    jest.useFakeTimers({ now: 1_800_000_000_000 });
    const bank = createTestBank({ clock: () => Date.now() });
    let online = false;
    const post = (url: string, body: unknown) => (online ? bank.post(url, body) : Promise.reject(new RequestError(0)));
    const { client } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      transport: { batchSize: 5, maxQueue: 10, baseBackoffMs: 1000, maxBackoffMs: 1000 },
      telemetryOnGrant: false,
      device: { post },
    });
    await client.grantConsent(['basic']);
    const ids = Array.from({ length: 25 }, (_, i) => client.track('e', { i })!);
    online = true;
    await client.flush();
    expect(bank.events.size).toBe(10);
    for (const id of ids.slice(15)) expect(bank.events.has(id)).toBe(true);
    expect(bank.droppedReports[0]).toBe(15);
    expect(bank.droppedReports[bank.droppedReports.length - 1]).toBe(0); // acknowledged, so reset
    client.destroy();
  });

  it('a tracked string with a lone surrogate is refused at track(), and telemetry keeps flowing', async () => {
    jest.useFakeTimers({ now: 1_800_000_000_000 });
    const bank = createTestBank({ clock: () => Date.now() });
    const errors: unknown[] = [];
    const { client } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      transport: { batchSize: 5 },
      telemetryOnGrant: false,
      onError: (e) => errors.push(e),
      device: { post: (url, body) => bank.post(url, body) },
    });
    await client.grantConsent(['basic']);
    const before = client.track('tap', { label: 'ok' })!;
    // Half an emoji: what slicing a user-typed string by UTF-16 units can leave behind.
    expect(client.track('tap', { label: '😀'.slice(0, 1) })).toBeNull();
    expect(String(errors[0])).toMatch(/cannot be sent/);
    const after = client.track('tap', { label: 'ok again' })!;
    await client.flush();
    expect(bank.events.has(before)).toBe(true);
    expect(bank.events.has(after)).toBe(true);
    client.destroy();
  });
});
