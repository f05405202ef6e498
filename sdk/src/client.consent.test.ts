import { createVirtualClient } from './virtual';
import { createTestBank } from './client.harness';
import { createMemoryStorage } from './platform/memory-storage';
import { postTo } from './server/test-kit';

describe('consent gate on the real client', () => {
  afterEach(() => jest.useRealTimers());

  function setup() {
    jest.useFakeTimers({ now: 1_800_000_000_000 });
    const bank = createTestBank({ clock: () => Date.now() });
    const storage = createMemoryStorage();
    const { client, platform } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      fields: ['phone'],
      transport: { batchSize: 2, maxAgeMs: 1000 },
      device: { post: bank.post, storage },
    });
    return { bank, storage, client, platform };
  }

  /** Everything an app could throw at the SDK, including waiting for timers. */
  async function poke(s: ReturnType<typeof setup>) {
    const b = s.client.behaviour;
    b.pageShow('pages/index/index');
    b.focus('phone');
    b.input('phone', 3);
    b.blur('phone');
    b.touchStart(10, 10, 0.5);
    b.touchEnd();
    b.sensor('accelerometer', 0, 0, -1);
    s.platform.hide();
    s.platform.show();
    s.platform.emitSensors(5);
    expect(s.client.track('custom', { n: 1 })).toBeNull();
    await expect(s.client.seal('loan.apply', postTo({ a: 1 }))).rejects.toThrow(/consent/);
    await expect(s.client.flush()).rejects.toThrow(/consent/);
    await expect(s.client.collect()).rejects.toThrow(/consent/);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
  }

  it('before consent: no storage access, no request, no listener', async () => {
    const s = setup();
    await poke(s);
    expect(s.platform.counters).toMatchObject({
      requests: 0,
      storageWrites: 0,
      storageReads: 0,
      storageRemoves: 0,
      privacyPrompts: 0,
      sensorStarts: 0,
    });
    expect(s.storage.counters).toEqual({ reads: 0, writes: 0, removes: 0 });
    expect(s.platform.listenerCount()).toBe(0);
    expect(s.bank.requests).toEqual([]);
  });

  it('after withdrawal: storage cleared, listeners gone, and no storage write or request afterwards', async () => {
    const s = setup();
    await s.client.grantConsent(['basic', 'behaviour', 'sensors']);
    s.client.behaviour.touchStart(1, 1);
    s.client.track('a');
    s.client.track('b');
    s.platform.hide(); // queue + flush in flight
    await jest.advanceTimersByTimeAsync(0);
    expect(s.platform.listenerCount()).toBeGreaterThan(0);
    expect(s.platform.counters.requests).toBeGreaterThan(0);
    // Leave some telemetry queued and unsent, to prove it is dropped.
    s.client.track('c');

    s.client.withdrawConsent();
    expect(s.client.consentState()).toEqual({ status: 'withdrawn' });
    expect(Object.keys(s.storage.dump())).toEqual([]);
    expect(s.platform.listenerCount()).toBe(0);
    const after = { ...s.platform.counters };
    const bankRequests = s.bank.requests.length;

    await poke(s);
    expect(s.platform.counters.requests).toBe(after.requests);
    expect(s.platform.counters.storageWrites).toBe(after.storageWrites);
    expect(s.platform.counters.sensorStarts).toBe(after.sensorStarts);
    expect(s.bank.requests.length).toBe(bankRequests);
    expect(Object.keys(s.storage.dump())).toEqual([]);
    expect(s.bank.events.size).toBeLessThanOrEqual(4); // 'c' never left the device
    expect([...s.bank.events.values()].some((e) => e.type === 'c')).toBe(false);
  });

  it('narrowing a grant stops the sensors and the behaviour capture it no longer covers', async () => {
    const s = setup();
    await s.client.grantConsent(['basic', 'behaviour', 'sensors']);
    expect(s.platform.listenerCount()).toBe(3); // app hide, app show, sensors
    s.client.behaviour.touchStart(1, 1);
    s.platform.emitSensors(3);
    await s.client.grantConsent(['basic', 'behaviour']);
    expect(s.platform.listenerCount()).toBe(2);
    const mid = await s.bank.server.verify(await s.client.seal('repay', postTo({})), { request: postTo({}) });
    const midPayload = mid.ok ? (mid.payload as { behaviour: { touch: { count: number }; sensors?: unknown } }) : null;
    expect(midPayload?.behaviour.touch.count).toBe(1);
    expect(midPayload?.behaviour.sensors).toBeUndefined();
    await s.client.grantConsent(['basic', 'behaviour', 'sensors']);
    await s.client.grantConsent(['basic']);
    expect(s.platform.listenerCount()).toBe(2);
    s.client.behaviour.touchStart(5, 5);
    s.platform.emitSensors(3);
    const snap = await s.client.collect();
    expect(snap.installId).toBeDefined();
    const token = await s.client.seal('repay', postTo({ amount: '1.00' }));
    const r = await s.bank.server.verify(token, { request: postTo({ amount: '1.00' }) });
    expect(r.ok && (r.payload as { behaviour: unknown }).behaviour).toBeNull();
    // Granting behaviour again starts from zero: nothing from before the narrowing survives.
    await s.client.grantConsent(['basic', 'behaviour']);
    const again = await s.bank.server.verify(await s.client.seal('repay', postTo({})), { request: postTo({}) });
    expect(again.ok && (again.payload as { behaviour: { touch: { count: number } } }).behaviour.touch.count).toBe(0);
    s.client.destroy();
  });

  it('a grant after withdrawal starts from scratch (new install id)', async () => {
    const s = setup();
    await s.client.grantConsent(['basic']);
    const first = await s.client.collect();
    s.client.withdrawConsent();
    await s.client.grantConsent(['basic']);
    const second = await s.client.collect();
    const id = (snap: typeof first) => (snap.installId as { value: { id: string } }).value.id;
    expect(id(second)).not.toBe(id(first));
    expect((second.launchCount as { value: number }).value).toBe(1);
    s.client.destroy();
  });
});
