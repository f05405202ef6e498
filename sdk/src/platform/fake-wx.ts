// Test helper: a minimal in-memory `wx` with the callback API shape, recording calls.
import { randomFillSync } from 'node:crypto';
import type { TaroLike } from './taro';

type Opts = { success?: (r: never) => void; fail?: (e: unknown) => void; [k: string]: unknown };

export interface FakeWx extends TaroLike {
  calls: string[];
  store: Map<string, unknown>;
  hide(): void;
  emitAccelerometer(x: number, y: number, z: number): void;
}

export function createFakeWx(
  opts: {
    split?: boolean;
    network?: (url: string, data: unknown) => Promise<{ statusCode: number; data: unknown }>;
    privacy?: boolean;
  } = {},
): FakeWx {
  const calls: string[] = [];
  const store = new Map<string, unknown>();
  const hide = new Set<() => void>();
  const acc = new Set<(r: { x: number; y: number; z: number }) => void>();
  const ok = (name: string, value: unknown) => (o: Opts) => {
    calls.push(name);
    queueMicrotask(() => o.success?.(value as never));
  };
  const legacy = {
    brand: 'OnePlus',
    model: 'PJZ110',
    system: 'Android 14',
    platform: 'android',
    pixelRatio: 3,
    screenWidth: 412,
    screenHeight: 915,
    SDKVersion: '2.19.0',
    version: '8.0.30',
    enableDebug: false,
  };
  const wx: FakeWx = {
    calls,
    store,
    getRandomValues: (o) => {
      calls.push('getRandomValues');
      const b = new Uint8Array(o.length);
      randomFillSync(b);
      queueMicrotask(() => o.success?.({ randomValues: b.buffer }));
    },
    getStorageSync: (k) => (store.has(k) ? store.get(k) : ''),
    setStorageSync: (k, v) => void store.set(k, v),
    removeStorageSync: (k) => void store.delete(k),
    getStorageInfoSync: () => ({ keys: [...store.keys()] }),
    request: (o) => {
      calls.push(`request ${o.url}`);
      const net = opts.network ?? (async () => ({ statusCode: 200, data: { ok: true } }));
      net(o.url, JSON.parse(JSON.stringify(o.data))).then(
        (r) => o.success?.(r),
        (e) => o.fail?.({ errMsg: String(e) }),
      );
    },
    getSystemInfoSync: () => (calls.push('getSystemInfoSync'), legacy),
    getNetworkType: ok('getNetworkType', { networkType: '4g', signalStrength: -80, hasSystemProxy: true }) as never,
    getBatteryInfo: ok('getBatteryInfo', { level: 88, isCharging: false }) as never,
    getLaunchOptionsSync: () => ({ scene: 1011, query: { channel: 'poster-7', other: 'x' } }),
    onAppHide: (cb) => void hide.add(cb),
    offAppHide: (cb) => void hide.delete(cb),
    onAppShow: () => undefined,
    offAppShow: () => undefined,
    requirePrivacyAuthorize: (o) => {
      calls.push('requirePrivacyAuthorize');
      queueMicrotask(() => (opts.privacy === false ? o.fail?.({ errMsg: 'privacy denied' }) : o.success?.({})));
    },
    startAccelerometer: () => void calls.push('startAccelerometer'),
    stopAccelerometer: () => void calls.push('stopAccelerometer'),
    onAccelerometerChange: (cb) => void acc.add(cb),
    offAccelerometerChange: (cb) => void acc.delete(cb!),
    hide: () => hide.forEach((h) => h()),
    emitAccelerometer: (x, y, z) => acc.forEach((l) => l({ x, y, z })),
  };
  if (opts.split !== false) {
    wx.getDeviceInfo = () => (
      calls.push('getDeviceInfo'),
      {
        brand: 'OnePlus',
        model: 'PJZ110',
        system: 'Android 14',
        platform: 'android',
        abi: 'arm64-v8a',
        benchmarkLevel: 40,
        cpuType: 'sm8550',
        memorySize: 16384,
      }
    );
    wx.getWindowInfo = () => (
      calls.push('getWindowInfo'),
      { pixelRatio: 3, screenWidth: 412, screenHeight: 915, windowWidth: 412, windowHeight: 875, statusBarHeight: 40 }
    );
    wx.getAppBaseInfo = () => (
      calls.push('getAppBaseInfo'),
      {
        SDKVersion: '3.5.0',
        version: '8.0.50',
        language: 'zh_CN',
        fontSizeSetting: 16,
        enableDebug: true,
        host: { env: 'WeChat' },
      }
    );
    wx.getSystemSetting = () => (
      calls.push('getSystemSetting'),
      { bluetoothEnabled: false, locationEnabled: true, wifiEnabled: false, deviceOrientation: 'portrait' }
    );
  }
  return wx;
}
