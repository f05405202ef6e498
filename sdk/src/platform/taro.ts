import { RequestError } from './request-error';
import type { InfoRecord, KeyValueStorage, Platform, PlatformProbes, SensorListener } from './types';

/** Callback-style options shared by wx and Taro async APIs. */
interface Cb<T> {
  success?(res: T): void;
  fail?(err: unknown): void;
  [k: string]: unknown;
}

/**
 * The subset of `Taro` (or `wx`) the SDK uses. Typed structurally so the SDK never imports
 * `@tarojs/taro` itself: the app injects it, and nothing is touched before the client is created.
 */
export interface TaroLike {
  getRandomValues?(o: Cb<{ randomValues: ArrayBuffer }> & { length: number }): unknown;
  /** Older base libraries expose the CSPRNG only through the user crypto manager. */
  getUserCryptoManager?(): { getRandomValues?(o: Cb<{ randomValues: ArrayBuffer }> & { length: number }): unknown };
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, data: unknown): void;
  removeStorageSync(key: string): void;
  getStorageInfoSync(): { keys: string[] };
  request(
    o: Cb<{ statusCode: number; data: unknown }> & {
      url: string;
      method: string;
      data: unknown;
      header: Record<string, string>;
    },
  ): unknown;
  getDeviceInfo?(): InfoRecord;
  getWindowInfo?(): InfoRecord;
  getAppBaseInfo?(): InfoRecord;
  getSystemSetting?(): InfoRecord;
  getSystemInfoSync?(): InfoRecord;
  getNetworkType?(o: Cb<InfoRecord>): unknown;
  getBatteryInfo?(o: Cb<InfoRecord>): unknown;
  getScreenRecordingState?(o: Cb<InfoRecord>): unknown;
  getLaunchOptionsSync?(): { scene?: number; query?: Record<string, string> };
  getEnterOptionsSync?(): { scene?: number; query?: Record<string, string> };
  onAppHide?(cb: () => void): void;
  offAppHide?(cb: () => void): void;
  onAppShow?(cb: () => void): void;
  offAppShow?(cb: () => void): void;
  requirePrivacyAuthorize?(o: Cb<unknown>): unknown;
  startAccelerometer?(o: Cb<unknown> & { interval?: string }): unknown;
  stopAccelerometer?(o?: Cb<unknown>): unknown;
  onAccelerometerChange?(cb: (r: { x: number; y: number; z: number }) => void): void;
  offAccelerometerChange?(cb?: (r: { x: number; y: number; z: number }) => void): void;
  startGyroscope?(o: Cb<unknown> & { interval?: string }): unknown;
  stopGyroscope?(o?: Cb<unknown>): unknown;
  onGyroscopeChange?(cb: (r: { x: number; y: number; z: number }) => void): void;
  offGyroscopeChange?(cb?: (r: { x: number; y: number; z: number }) => void): void;
}

export interface TaroPlatformOptions {
  /** Launch query parameter that carries the acquisition channel. Default 'channel'. */
  channelParam?: string;
  /** Bytes of CSPRNG output kept in reserve (wx.getRandomValues is asynchronous). Default 4096. */
  randomReserve?: number;
}

const promisify = <T>(fn: ((o: Cb<T>) => unknown) | undefined, extra: Record<string, unknown> = {}): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (!fn) return reject(new Error('UNSUPPORTED'));
    fn(Object.assign({}, extra, { success: resolve, fail: reject }));
  });

/**
 * WeChat mini-program platform through Taro (or raw `wx`, same API shape). Uses the split info
 * APIs and falls back to the deprecated `getSystemInfoSync` on base libraries older than 2.20.1.
 */
export function createTaroPlatform(taro: TaroLike, options: TaroPlatformOptions = {}): Platform {
  const t = taro;
  const reserveSize = options.randomReserve ?? 4096;
  let reserve = new Uint8Array(0);
  let offset = 0;
  let refill: Promise<void> | null = null;

  const topUp = (bytes: number): Promise<void> => {
    if (!refill) {
      const manager = t.getRandomValues ? undefined : t.getUserCryptoManager?.();
      const source = t.getRandomValues?.bind(t) ?? manager?.getRandomValues?.bind(manager);
      refill = promisify<{ randomValues: ArrayBuffer }>(source as never, { length: Math.max(reserveSize, bytes) })
        .then((res) => {
          const fresh = new Uint8Array(res.randomValues);
          const left = reserve.subarray(offset);
          const merged = new Uint8Array(left.length + fresh.length);
          merged.set(left);
          merged.set(fresh, left.length);
          reserve.fill(0);
          reserve = merged;
          offset = 0;
        })
        .finally(() => {
          refill = null;
        });
    }
    return refill;
  };

  /** `t[name]?.(arg)`: one helper, because ES2017 output spells out every optional call. */
  const maybe = (name: keyof TaroLike, arg: unknown): void => {
    const fn = t[name] as ((a: unknown) => unknown) | undefined;
    if (typeof fn === 'function') fn.call(t, arg);
  };

  const split = (name: 'getDeviceInfo' | 'getWindowInfo' | 'getAppBaseInfo' | 'getSystemSetting'): InfoRecord => {
    const fn = t[name];
    if (typeof fn === 'function') return fn.call(t);
    if (typeof t.getSystemInfoSync === 'function') return t.getSystemInfoSync();
    throw new Error('UNSUPPORTED');
  };

  const storage: KeyValueStorage = {
    get(key) {
      const v = t.getStorageSync(key);
      return typeof v === 'string' && v !== '' ? v : null; // wx returns '' for a missing key
    },
    set: (key, value) => t.setStorageSync(key, value),
    remove: (key) => t.removeStorageSync(key),
    keys: () => t.getStorageInfoSync().keys,
  };

  const probes: PlatformProbes = {
    device: () => split('getDeviceInfo'),
    window: () => split('getWindowInfo'),
    appBase: () => {
      const info = split('getAppBaseInfo');
      const host = info.host as { env?: unknown } | undefined;
      return Object.assign({}, info, { hostEnv: host && typeof host.env === 'string' ? host.env : undefined });
    },
    systemSetting: () => split('getSystemSetting'),
    network: () => promisify<InfoRecord>(t.getNetworkType?.bind(t)),
    battery: () => promisify<InfoRecord>(t.getBatteryInfo?.bind(t)),
    screenRecording: () => promisify<InfoRecord>(t.getScreenRecordingState?.bind(t)),
    launch: () => {
      const o = (t.getEnterOptionsSync ?? t.getLaunchOptionsSync)?.call(t);
      if (!o) throw new Error('UNSUPPORTED');
      const channel = o.query?.[options.channelParam ?? 'channel'];
      return { scene: o.scene ?? 0, channel: typeof channel === 'string' ? channel.slice(0, 64) : '' };
    },
  };

  return {
    kind: 'weapp',
    fillRandom(buf) {
      if (reserve.length - offset < buf.length) {
        void topUp(buf.length).catch(() => undefined);
        throw new Error('wx.getRandomValues reserve empty (await prepareRandom first)');
      }
      buf.set(reserve.subarray(offset, offset + buf.length));
      reserve.fill(0, offset, offset + buf.length);
      offset += buf.length;
      if (reserve.length - offset < reserveSize / 4) void topUp(0).catch(() => undefined);
    },
    async prepareRandom(bytes) {
      if (reserve.length - offset < Math.max(bytes, reserveSize / 4)) await topUp(bytes);
    },
    now: () => Date.now(),
    storage,
    request: (url, body) =>
      new Promise((resolve, reject) => {
        t.request({
          url,
          method: 'POST',
          data: body,
          header: { 'content-type': 'application/json' },
          success: (res) =>
            res.statusCode >= 200 && res.statusCode < 300
              ? resolve(res.data)
              : reject(new RequestError(res.statusCode, res.data)),
          fail: (e) => reject(new RequestError(0, e)),
        });
      }),
    probes,
    onAppHide(cb) {
      maybe('onAppHide', cb);
      return () => maybe('offAppHide', cb);
    },
    onAppShow(cb) {
      maybe('onAppShow', cb);
      return () => maybe('offAppShow', cb);
    },
    async requirePrivacyAuthorize() {
      // Base libraries before 2.32.3 have no privacy API; there the app's own prompt is the gate.
      if (typeof t.requirePrivacyAuthorize === 'function') await promisify(t.requirePrivacyAuthorize.bind(t));
    },
    startSensors(listener: SensorListener) {
      const acc = (r: { x: number; y: number; z: number }) => listener('accelerometer', r.x, r.y, r.z, Date.now());
      const gyr = (r: { x: number; y: number; z: number }) => listener('gyroscope', r.x, r.y, r.z, Date.now());
      maybe('onAccelerometerChange', acc);
      maybe('onGyroscopeChange', gyr);
      // 'normal' (~200 ms) is plenty for variance and keeps the logic thread quiet.
      maybe('startAccelerometer', { interval: 'normal' });
      maybe('startGyroscope', { interval: 'normal' });
      return () => {
        maybe('offAccelerometerChange', acc);
        maybe('offGyroscopeChange', gyr);
        maybe('stopAccelerometer', {});
        maybe('stopGyroscope', {});
      };
    },
  };
}
