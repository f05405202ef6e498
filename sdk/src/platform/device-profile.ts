/** Everything a virtual device can pretend to be. Units follow the WeChat APIs. */
export interface DeviceProfile {
  brand: string;
  model: string;
  /** e.g. 'iOS 17.5', 'Android 14'. */
  system: string;
  /** WeChat `platform`: 'ios' | 'android' | 'ohos' | 'windows' | 'mac' | 'devtools'. */
  platform: string;
  abi: string;
  benchmarkLevel: number;
  cpuType: string;
  memorySize: number;
  /** WeChat app version. */
  wechatVersion: string;
  /** Base library version. */
  sdkVersion: string;
  language: string;
  fontSizeSetting: number;
  screen: { width: number; height: number; pixelRatio: number; statusBarHeight: number };
  battery: { level: number; charging: boolean };
  network: { type: string; signalStrength: number; proxy: boolean };
  /** `enableDebug` (vConsole on). */
  debug: boolean;
  screenRecording: boolean;
  launch: { scene: number; channel: string };
  timezone: { timeZone: string; offsetMinutes: number };
  /** Standard deviation of accelerometer noise in g; 0 is a phone lying on a rack. */
  sensorNoise: number;
  /** Device clock minus true time, ms. */
  clockOffsetMs: number;
  /** Whether the base library has the split APIs (< 2.20.1 only has getSystemInfoSync). */
  splitApis: boolean;
}

export const DEFAULT_PROFILE: DeviceProfile = {
  brand: 'Apple',
  model: 'iPhone 15',
  system: 'iOS 17.5',
  platform: 'ios',
  abi: 'arm64',
  benchmarkLevel: 50,
  cpuType: 'apple',
  memorySize: 6144,
  wechatVersion: '8.0.50',
  sdkVersion: '3.5.0',
  language: 'zh_CN',
  fontSizeSetting: 17,
  screen: { width: 393, height: 852, pixelRatio: 3, statusBarHeight: 54 },
  battery: { level: 64, charging: false },
  network: { type: 'wifi', signalStrength: 3, proxy: false },
  debug: false,
  screenRecording: false,
  launch: { scene: 1001, channel: 'organic' },
  timezone: { timeZone: 'Asia/Shanghai', offsetMinutes: 480 },
  sensorNoise: 0.02,
  clockOffsetMs: 0,
  splitApis: true,
};

/** Ready-made profiles for tests and the QA simulator. */
export const PROFILES = {
  iphone: DEFAULT_PROFILE,
  huawei: {
    ...DEFAULT_PROFILE,
    brand: 'HUAWEI',
    model: 'ALN-AL00',
    system: 'HarmonyOS 4.2',
    platform: 'android',
    cpuType: 'kirin9000s',
    memorySize: 12288,
    screen: { width: 412, height: 915, pixelRatio: 3, statusBarHeight: 40 },
    battery: { level: 41, charging: false },
    network: { type: '5g', signalStrength: 4, proxy: false },
  },
  /** Device farm: cheap Android on a charger, flat sensors, proxy for traffic manipulation. */
  farmPhone: {
    ...DEFAULT_PROFILE,
    brand: 'Redmi',
    model: '23053RN02A',
    system: 'Android 13',
    platform: 'android',
    cpuType: 'helio g85',
    benchmarkLevel: 12,
    memorySize: 4096,
    battery: { level: 100, charging: true },
    network: { type: 'wifi', signalStrength: 4, proxy: true },
    sensorNoise: 0,
    launch: { scene: 1045, channel: 'partner-x' },
  },
  emulator: {
    ...DEFAULT_PROFILE,
    brand: 'devtools',
    model: 'iPhone 6/7/8',
    system: 'iOS 10.0.1',
    platform: 'devtools',
    cpuType: 'unknown',
    benchmarkLevel: -1,
    debug: true,
    sensorNoise: 0,
    screen: { width: 375, height: 667, pixelRatio: 2, statusBarHeight: 20 },
  },
  pcWechat: {
    ...DEFAULT_PROFILE,
    brand: 'microsoft',
    model: 'PC',
    system: 'Windows 10 x64',
    platform: 'windows',
    cpuType: 'x86_64',
    memorySize: 16384,
    sensorNoise: 0,
    screen: { width: 414, height: 736, pixelRatio: 1.25, statusBarHeight: 0 },
  },
} satisfies Record<string, DeviceProfile>;
