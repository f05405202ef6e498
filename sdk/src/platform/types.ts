/**
 * The one seam between the SDK core and a runtime. Everything the core needs from the outside world
 * goes through this interface, so the core never names `wx`, `Taro`, `window` or `document` and can
 * be imported (and tested) in a bare Node process.
 */

/** Synchronous key-value storage (WeChat `*StorageSync`, `localStorage`, or memory). */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key currently stored; used to clear the SDK's own keys on withdrawal. */
  keys(): string[];
}

/** A plain JSON-ish record; platform getters return what the runtime gives, untouched. */
export type InfoRecord = Record<string, unknown>;

/** A motion sample; only axes, never anything that identifies a person. */
export type SensorKind = 'accelerometer' | 'gyroscope';
export type SensorListener = (kind: SensorKind, x: number, y: number, z: number, at: number) => void;

/**
 * Read-only probes of the device. Every probe is optional: a runtime that cannot answer leaves it
 * out and the matching collector reports `{ error: 'UNSUPPORTED' }` instead of failing the whole
 * collection. Probes may throw or reject; the collector runner isolates them.
 */
export interface PlatformProbes {
  /** WeChat `getDeviceInfo` (brand, model, system, platform, abi, benchmarkLevel, cpuType, memorySize). */
  device?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getWindowInfo` (pixelRatio, screen/window sizes, safe area). */
  window?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getAppBaseInfo` (SDKVersion, version, language, fontSizeSetting, enableDebug, host). */
  appBase?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getSystemSetting` (bluetooth/location/wifi switches, orientation). */
  systemSetting?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getNetworkType` (networkType, signalStrength, hasSystemProxy). */
  network?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getBatteryInfo` (level, isCharging). */
  battery?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getScreenRecordingState` (state: 'on' | 'off'), where the base library offers it. */
  screenRecording?(): InfoRecord | Promise<InfoRecord>;
  /** WeChat `getLaunchOptionsSync` / `getEnterOptionsSync`: scene and channel (query param). */
  launch?(): InfoRecord | Promise<InfoRecord>;
  /** IANA time zone and UTC offset in minutes. */
  timezone?(): InfoRecord | Promise<InfoRecord>;
  /** H5: FingerprintJS components and visitorId (monitoring off). */
  fingerprint?(): Promise<InfoRecord>;
  /** H5: BotD detection result (monitoring off). */
  botd?(): Promise<InfoRecord>;
  /** H5: `navigator.webdriver`. */
  webdriver?(): InfoRecord | Promise<InfoRecord>;
  /** H5: headless-browser traits (plugins, languages, window chrome, permissions quirks). */
  headless?(): InfoRecord | Promise<InfoRecord>;
}

export type ProbeName = keyof PlatformProbes;

export interface Platform {
  /** Which runtime this is; travels in the payload so the server can cross-check it against signals. */
  readonly kind: 'weapp' | 'web' | 'virtual';
  /**
   * Fill `buf` from a CSPRNG, synchronously. Must throw when no secure randomness is available:
   * the pool fails closed and never falls back to the non-cryptographic `Math` RNG.
   */
  fillRandom(buf: Uint8Array): void;
  /**
   * Runtimes whose CSPRNG is asynchronous (WeChat `getRandomValues`) top up a reserve here;
   * the client awaits it before any sealing.
   */
  prepareRandom?(bytes: number): Promise<void>;
  /** Device wall clock in ms (may be wrong on purpose: that is a signal). */
  now(): number;
  storage: KeyValueStorage;
  /** POST a JSON body to an absolute or endpoint-relative URL; resolve with the parsed JSON answer. */
  request(url: string, body: unknown): Promise<unknown>;
  probes: PlatformProbes;
  /** Subscribe to the app going to background; returns the unsubscribe function. */
  onAppHide(cb: () => void): () => void;
  onAppShow(cb: () => void): () => void;
  /** WeChat privacy authorisation (`requirePrivacyAuthorize`); resolves when the user agreed. */
  requirePrivacyAuthorize?(): Promise<void>;
  /** Start motion sensors; returns a stop function. Only called after consent + privacy authorisation. */
  startSensors?(listener: SensorListener): () => void;
}
