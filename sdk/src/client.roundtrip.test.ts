import { createVirtualClient, PROFILES } from './virtual';
import { createTestBank } from './client.harness';
import type { ActionPayload } from './client';
import { createMemoryStorage } from './platform/memory-storage';
import { postTo } from './server/test-kit';

describe('client → server round trip on a virtual device', () => {
  it('seals an action token that the real server verifies, with snapshot and behaviour inside', async () => {
    const bank = createTestBank();
    const { client, platform } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      endpoint: 'https://bank.test/api',
      fields: ['idNumber', 'phone'],
      device: { post: bank.post, profile: { ...PROFILES.farmPhone, clockOffsetMs: -120_000 } },
    });
    await client.grantConsent(['basic', 'behaviour', 'sensors']);
    client.behaviour.pageShow('pages/loan/apply');
    client.behaviour.focus('phone');
    for (let i = 1; i <= 11; i++) client.behaviour.input('phone', i);
    client.behaviour.blur('phone');
    client.behaviour.touchStart(100, 500, 0);
    client.behaviour.touchEnd();
    platform.emitSensors(20);

    const body = { amount: '50000.00', termMonths: 12, purpose: '进货' };
    const token = await client.seal('loan.apply', postTo(body));
    const r = await bank.server.verify(token, {
      request: postTo(body),
      expectKind: 'action',
      expectAction: 'loan.apply',
    });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    const payload = r.payload as ActionPayload;
    expect(payload.platform).toBe('virtual');
    const device = payload.device;
    expect(device.device).toMatchObject({ value: { brand: 'Redmi', platform: 'android' } });
    expect(device.network).toMatchObject({ value: { hasSystemProxy: true } });
    expect(device.battery).toMatchObject({ value: { level: 100, isCharging: true } });
    expect(device.launch).toMatchObject({ value: { channel: 'partner-x' } });
    expect(device.launchCount).toMatchObject({ value: 1 });
    expect(device.installId).toMatchObject({ value: { id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    // The handshake measured the device clock as ~2 minutes slow.
    const offset = (device.clockOffset as { value: { offsetMs: number } }).value.offsetMs;
    expect(Math.abs(offset - 120_000)).toBeLessThan(1000);
    expect(payload.behaviour?.fields?.phone).toMatchObject({ inputEvents: 11, charsTyped: 11, finalLength: 11 });
    expect(payload.behaviour?.touch?.count).toBe(1);
    expect(payload.behaviour?.sensors?.accelerometer).toEqual({ samples: 20, variance: [0, 0, 0] }); // a flat farm phone
    expect(platform.counters.privacyPrompts).toBe(1);
    expect(bank.requests.every((u) => u.startsWith('https://bank.test/api/risk/'))).toBe(true);

    // The token is bound to the body: the same token with another amount is refused.
    const tampered = await bank.server.verify(token, { request: postTo({ ...body, amount: '500000.00' }) });
    expect(tampered).toMatchObject({ ok: false });
    client.destroy();
  });

  it('marks the install id fresh on every token of the launch that created it, and not on the next launch', async () => {
    const bank = createTestBank();
    const storage = createMemoryStorage();
    const launch = async () => {
      const { client } = createVirtualClient({
        serverPublicKey: bank.publicKey,
        keyId: bank.keyId,
        device: { post: bank.post, storage },
      });
      await client.grantConsent(['basic']);
      const fresh: boolean[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await bank.server.verify(await client.seal('loan.apply', postTo({ i })), { request: postTo({ i }) });
        if (!r.ok) throw new Error(r.code);
        fresh.push(((r.payload as ActionPayload).device.installId as { value: { fresh: boolean } }).value.fresh);
        client.resetSession(); // a new handshake drops the cached snapshot, as a clock-offset change does
      }
      client.destroy();
      return fresh;
    };
    expect(await launch()).toEqual([true, true]);
    expect(await launch()).toEqual([false, false]);
  });

  it('never calls Math.random anywhere on the client path (ids, jitter, keys, IVs, nonces)', async () => {
    const spy = jest.spyOn(Math, 'random');
    try {
      const bank = createTestBank();
      let fail = true;
      const post = (url: string, body: unknown) =>
        url.endsWith('/telemetry') && fail ? Promise.reject(new Error('down')) : bank.post(url, body);
      const { client, platform } = createVirtualClient({
        serverPublicKey: bank.publicKey,
        keyId: bank.keyId,
        fields: ['phone'],
        device: { post },
      });
      await client.grantConsent(['basic', 'behaviour', 'sensors']);
      client.behaviour.input('phone', 3);
      platform.emitSensors(5);
      client.track('x');
      await client.flush(); // fails: backoff jitter drawn
      fail = false;
      await client.flush();
      await client.seal('repay', postTo({ amount: '1.00' }));
      expect(bank.events.size).toBe(2);
      expect(spy).not.toHaveBeenCalled();
      client.destroy();
    } finally {
      spy.mockRestore();
    }
  });

  it('delivers the grant-time snapshot as telemetry', async () => {
    const bank = createTestBank();
    const { client } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      device: { post: bank.post },
    });
    await client.grantConsent(['basic']);
    await client.flush();
    const types = [...bank.events.values()].map((e) => e.type);
    expect(types).toEqual(['snapshot']);
    client.destroy();
  });

  it('flushes a behaviour summary when the app goes to background', async () => {
    const bank = createTestBank();
    const { client, platform } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      device: { post: bank.post },
      telemetryOnGrant: false,
    });
    await client.grantConsent(['basic', 'behaviour']);
    client.behaviour.touchStart(1, 1);
    platform.hide();
    await client.flush();
    const ev = [...bank.events.values()];
    expect(ev.map((e) => e.type)).toEqual(['behaviour']);
    expect((ev[0].data as { touch: { count: number }; app: { hides: number } }).app.hides).toBe(1);
    client.destroy();
  });

  it('refuses to seal before consent, and without the sensors prompt sensors stay off', async () => {
    const bank = createTestBank();
    const { client, platform } = createVirtualClient({
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      device: { post: bank.post, privacyAccepted: false },
    });
    await expect(client.seal('loan.apply', postTo({}))).rejects.toThrow(/consent is unknown/);
    await client.grantConsent(['basic', 'sensors']);
    expect(platform.counters.sensorStarts).toBe(0);
    const token = await client.seal('loan.apply', postTo({}));
    const r = await bank.server.verify(token, { request: postTo({}) });
    expect(r.ok && (r.payload as ActionPayload).behaviour).toBeNull();
    client.destroy();
  });
});
