import { randomFillSync } from 'node:crypto';
import { DEFAULT_PROFILE, type DeviceProfile } from './device-profile';
import { RequestError } from './request-error';
import { createMemoryStorage } from './memory-storage';
import { seededUnit } from './seeded-random';
import type { KeyValueStorage, Platform, ProbeName, SensorListener } from './types';

export interface VirtualPlatformOptions {
  /** Overrides merged onto the default profile (an iPhone on Wi-Fi). */
  profile?: Partial<DeviceProfile>;
  /** CSPRNG-compatible fill; default node:crypto. Pass `seededFill(seed)` for replayable runs. */
  random?: (buf: Uint8Array) => void;
  /** The network: receives `endpoint + path` and the JSON body. Default: every request fails. */
  post?: (url: string, body: unknown) => Promise<unknown>;
  /** Shared storage survives "app kills" (create a new client on the same storage). Default: fresh memory. */
  storage?: KeyValueStorage;
  /** True time (ms); the device clock adds `profile.clockOffsetMs`. Default Date.now. */
  clock?: () => number;
  /** Seed for sensor noise. Default 1. */
  seed?: number;
  /** Whether the user accepts the WeChat privacy prompt. Default true. */
  privacyAccepted?: boolean;
  /** Fault injection: make a probe throw or never answer. */
  faults?: Partial<Record<ProbeName, 'throw' | 'hang'>>;
}

export interface VirtualCounters {
  requests: number;
  storageReads: number;
  storageWrites: number;
  storageRemoves: number;
  privacyPrompts: number;
  sensorStarts: number;
}

export interface VirtualPlatform extends Platform {
  readonly profile: DeviceProfile;
  /** Everything this device did, for assertions (e.g. zero writes before consent). */
  readonly counters: VirtualCounters;
  /** Listeners currently subscribed (app hide/show + sensors); 0 after withdrawal. */
  listenerCount(): number;
  /** Simulate the app going to background / foreground. */
  hide(): void;
  show(): void;
  /** Emit `n` samples per sensor, `intervalMs` apart, with the profile's noise. */
  emitSensors(n: number, intervalMs?: number): void;
}

export function createVirtualPlatform(options: VirtualPlatformOptions = {}): VirtualPlatform {
  const profile: DeviceProfile = { ...DEFAULT_PROFILE, ...options.profile };
  const clock = options.clock ?? (() => Date.now());
  const now = () => clock() + profile.clockOffsetMs;
  const fill = options.random ?? ((buf: Uint8Array) => void randomFillSync(buf));
  const base = options.storage ?? createMemoryStorage();
  const noise = seededUnit(options.seed ?? 1);
  const counters: VirtualCounters = {
    requests: 0,
    storageReads: 0,
    storageWrites: 0,
    storageRemoves: 0,
    privacyPrompts: 0,
    sensorStarts: 0,
  };
  const hideListeners = new Set<() => void>();
  const showListeners = new Set<() => void>();
  const sensorListeners = new Set<SensorListener>();

  const storage: KeyValueStorage = {
    get: (k) => (counters.storageReads++, base.get(k)),
    set: (k, v) => (counters.storageWrites++, base.set(k, v)),
    remove: (k) => (counters.storageRemoves++, base.remove(k)),
    keys: () => base.keys(),
  };

  const fault =
    <T>(name: ProbeName, value: () => T): (() => Promise<T>) =>
    async () => {
      const f = options.faults?.[name];
      if (f === 'throw') throw new Error(`virtual fault in ${name}`);
      if (f === 'hang') return new Promise<T>(() => undefined);
      return value();
    };

  // Box–Muller from the seeded generator: sensor noise must be reproducible, and the non-cryptographic Math RNG is banned.
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - noise())) * Math.cos(2 * Math.PI * noise());

  const p = profile;
  const legacy = () => ({
    brand: p.brand,
    model: p.model,
    system: p.system,
    platform: p.platform,
    benchmarkLevel: p.benchmarkLevel,
    pixelRatio: p.screen.pixelRatio,
    screenWidth: p.screen.width,
    screenHeight: p.screen.height,
    windowWidth: p.screen.width,
    windowHeight: p.screen.height - p.screen.statusBarHeight,
    statusBarHeight: p.screen.statusBarHeight,
    SDKVersion: p.sdkVersion,
    version: p.wechatVersion,
    language: p.language,
    fontSizeSetting: p.fontSizeSetting,
    enableDebug: p.debug,
    bluetoothEnabled: true,
    locationEnabled: true,
    wifiEnabled: p.network.type === 'wifi',
    deviceOrientation: 'portrait',
  });

  return {
    kind: 'virtual',
    profile,
    counters,
    fillRandom: fill,
    now,
    storage,
    async request(url, body) {
      counters.requests++;
      if (!options.post) throw new RequestError(0);
      // A real network serialises: the server must never see the client's live objects.
      return options.post(url, JSON.parse(JSON.stringify(body)));
    },
    probes: {
      device: fault('device', () =>
        p.splitApis
          ? {
              brand: p.brand,
              model: p.model,
              system: p.system,
              platform: p.platform,
              abi: p.abi,
              benchmarkLevel: p.benchmarkLevel,
              cpuType: p.cpuType,
              memorySize: p.memorySize,
            }
          : legacy(),
      ),
      window: fault('window', () => legacy()),
      appBase: fault('appBase', () => ({ ...legacy(), hostEnv: 'WeChat' })),
      systemSetting: fault('systemSetting', () => legacy()),
      network: fault('network', () => ({
        networkType: p.network.type,
        signalStrength: p.network.signalStrength,
        hasSystemProxy: p.network.proxy,
      })),
      battery: fault('battery', () => ({ level: p.battery.level, isCharging: p.battery.charging })),
      screenRecording: fault('screenRecording', () => ({ state: p.screenRecording ? 'on' : 'off' })),
      launch: fault('launch', () => ({ scene: p.launch.scene, channel: p.launch.channel })),
      timezone: fault('timezone', () => ({ ...p.timezone })),
    },
    onAppHide(cb) {
      hideListeners.add(cb);
      return () => hideListeners.delete(cb);
    },
    onAppShow(cb) {
      showListeners.add(cb);
      return () => showListeners.delete(cb);
    },
    async requirePrivacyAuthorize() {
      counters.privacyPrompts++;
      if (options.privacyAccepted === false) throw new Error('privacy authorization denied');
    },
    startSensors(listener) {
      counters.sensorStarts++;
      sensorListeners.add(listener);
      return () => sensorListeners.delete(listener);
    },
    listenerCount: () => hideListeners.size + showListeners.size + sensorListeners.size,
    hide: () => hideListeners.forEach((l) => l()),
    show: () => showListeners.forEach((l) => l()),
    emitSensors(n, intervalMs = 20) {
      const t0 = now();
      for (let i = 0; i < n; i++) {
        const at = t0 + i * intervalMs;
        const s = p.sensorNoise;
        sensorListeners.forEach((l) => {
          l('accelerometer', s * gaussian(), s * gaussian(), -1 + s * gaussian(), at);
          l('gyroscope', s * gaussian(), s * gaussian(), s * gaussian(), at);
        });
      }
    },
  };
}
