import { createTaroPlatform } from './taro';
import { createFakeWx } from './fake-wx';
import { RequestError } from './request-error';
import { createRandomPool } from '../crypto/random-pool';
import { createRiskClient } from '../taro';
import { createTestBank } from '../client.harness';
import type { ActionPayload } from '../client';
import { postTo } from '../server/test-kit';

describe('Taro/WeChat platform', () => {
  it('uses the split info APIs when the base library has them', async () => {
    const wx = createFakeWx();
    const p = createTaroPlatform(wx);
    expect(await p.probes.device!()).toMatchObject({ brand: 'OnePlus', cpuType: 'sm8550' });
    expect(await p.probes.appBase!()).toMatchObject({ enableDebug: true, hostEnv: 'WeChat' });
    await p.probes.window!();
    await p.probes.systemSetting!();
    expect(wx.calls).toEqual(['getDeviceInfo', 'getAppBaseInfo', 'getWindowInfo', 'getSystemSetting']);
  });

  it('falls back to the deprecated getSystemInfoSync on old base libraries', async () => {
    const wx = createFakeWx({ split: false });
    const p = createTaroPlatform(wx);
    expect(await p.probes.device!()).toMatchObject({ brand: 'OnePlus', platform: 'android' });
    expect(await p.probes.appBase!()).toMatchObject({ SDKVersion: '2.19.0' });
    expect(wx.calls).toEqual(['getSystemInfoSync', 'getSystemInfoSync']);
  });

  it('async APIs, launch channel and network proxy flag', async () => {
    const p = createTaroPlatform(createFakeWx(), { channelParam: 'channel' });
    expect(await p.probes.network!()).toEqual({ networkType: '4g', signalStrength: -80, hasSystemProxy: true });
    expect(await p.probes.battery!()).toEqual({ level: 88, isCharging: false });
    expect(await p.probes.launch!()).toEqual({ scene: 1011, channel: 'poster-7' });
    await expect(p.probes.screenRecording!()).rejects.toThrow('UNSUPPORTED');
  });

  it('randomness: fails closed until the wx.getRandomValues reserve is filled', async () => {
    const wx = createFakeWx();
    const p = createTaroPlatform(wx, { randomReserve: 1024 });
    const pool = createRandomPool((b) => p.fillRandom(b));
    expect(() => pool.bytes(16)).toThrow(/random source unavailable/);
    await p.prepareRandom!(256);
    const a = pool.bytes(16);
    expect(a.some((x) => x !== 0)).toBe(true);
    expect(wx.calls.filter((c) => c === 'getRandomValues').length).toBeGreaterThanOrEqual(1);
  });

  it('randomness: falls back to getUserCryptoManager().getRandomValues, and fails closed without any CSPRNG', async () => {
    const wx = createFakeWx();
    const grv = wx.getRandomValues!;
    delete wx.getRandomValues;
    wx.getUserCryptoManager = () => ({ getRandomValues: grv });
    const p = createTaroPlatform(wx, { randomReserve: 1024 });
    await p.prepareRandom!(64);
    const b = new Uint8Array(32);
    p.fillRandom(b);
    expect(b.some((x) => x !== 0)).toBe(true);
    const none = createFakeWx();
    delete none.getRandomValues;
    const q = createTaroPlatform(none);
    await expect(q.prepareRandom!(64)).rejects.toThrow('UNSUPPORTED');
    expect(() => q.fillRandom(new Uint8Array(16))).toThrow(/reserve empty/);
  });

  it('storage maps to *StorageSync (missing key reads as null)', () => {
    const wx = createFakeWx();
    const p = createTaroPlatform(wx);
    expect(p.storage.get('ljr:x')).toBeNull();
    p.storage.set('ljr:x', '1');
    expect(p.storage.keys()).toEqual(['ljr:x']);
    p.storage.remove('ljr:x');
    expect(wx.store.size).toBe(0);
  });

  it('request: JSON POST, non-2xx and network failures as RequestError', async () => {
    let status = 200;
    const wx = createFakeWx({ network: async (_u, d) => ({ statusCode: status, data: { echo: d } }) });
    const p = createTaroPlatform(wx);
    expect(await p.request('https://b/x', { a: 1 })).toEqual({ echo: { a: 1 } });
    status = 401;
    await expect(p.request('https://b/x', {})).rejects.toMatchObject({ status: 401 });
    const down = createTaroPlatform(
      createFakeWx({
        network: async () => {
          throw new Error('timeout');
        },
      }),
    );
    await expect(down.request('https://b/x', {})).rejects.toBeInstanceOf(RequestError);
  });

  it('privacy authorisation, app hide and sensors subscribe and unsubscribe', async () => {
    const wx = createFakeWx({ privacy: false });
    const p = createTaroPlatform(wx);
    await expect(p.requirePrivacyAuthorize!()).rejects.toMatchObject({ errMsg: 'privacy denied' });
    const hide = jest.fn();
    const off = p.onAppHide(hide);
    wx.hide();
    off();
    wx.hide();
    expect(hide).toHaveBeenCalledTimes(1);
    const samples: number[] = [];
    const stop = p.startSensors!((_k, x) => samples.push(x));
    wx.emitAccelerometer(0.1, 0, -1);
    stop();
    wx.emitAccelerometer(0.2, 0, -1);
    expect(samples).toEqual([0.1]);
    expect(wx.calls).toContain('stopAccelerometer');
  });

  it('end to end: the taro entry seals a token the server verifies', async () => {
    const bank = createTestBank();
    const wx = createFakeWx({ network: async (url, data) => ({ statusCode: 200, data: await bank.post(url, data) }) });
    const client = createRiskClient({
      taro: wx,
      serverPublicKey: bank.publicKey,
      keyId: bank.keyId,
      endpoint: 'https://bank.test',
    });
    await client.grantConsent(['basic', 'sensors']);
    // The privacy prompt comes first; the sensors start only after the user agreed.
    expect(wx.calls.indexOf('requirePrivacyAuthorize')).toBeGreaterThanOrEqual(0);
    expect(wx.calls.indexOf('startAccelerometer')).toBeGreaterThan(wx.calls.indexOf('requirePrivacyAuthorize'));
    const token = await client.seal('contract.sign', postTo({ contractId: 'C1' }));
    const r = await bank.server.verify(token, { request: postTo({ contractId: 'C1' }) });
    if (!r.ok) throw new Error(r.code);
    const p = r.payload as ActionPayload;
    expect(p.platform).toBe('weapp');
    expect(p.device.appBase).toMatchObject({ value: { enableDebug: true } });
    expect(p.device.launch).toMatchObject({ value: { channel: 'poster-7' } });
    expect(p.device.installId).toMatchObject({ value: { id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect(p.device.network).toMatchObject({ value: { hasSystemProxy: true } });
    expect([...wx.store.keys()].every((k) => k.startsWith('ljr:'))).toBe(true);
    client.withdrawConsent();
    expect(wx.store.size).toBe(0);
  });
});
