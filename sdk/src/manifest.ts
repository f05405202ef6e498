/**
 * Every signal the SDK can collect, declared in this one file. SIGNALS.md (the privacy notice's
 * technical annex) is generated from it, and collectors and behaviour capture refuse any signal
 * that is not declared here or whose consent level has not been granted — so the notice cannot
 * drift from the code.
 *
 * A declaration has two halves, locked together by their types (a signal cannot exist in one
 * without the other): `SIGNAL_LEVELS`, the only part the client needs at run time, and
 * `SIGNAL_DOCS`, the notice text. Keeping them apart lets a bundler drop the notice text from the
 * mini-program package (it is ~6 KB minified) when the app does not display it.
 */

export const ConsentLevel = {
  basic: 'basic',
  behaviour: 'behaviour',
  sensors: 'sensors',
} as const;
export type ConsentLevel = (typeof ConsentLevel)[keyof typeof ConsentLevel];
export const CONSENT_LEVELS: readonly ConsentLevel[] = ['basic', 'behaviour', 'sensors'];

/** Run-time half: signal name → the consent level it needs. */
export const SIGNAL_LEVELS = {
  device: 'basic',
  window: 'basic',
  appBase: 'basic',
  systemSetting: 'basic',
  network: 'basic',
  battery: 'basic',
  screenRecording: 'basic',
  launch: 'basic',
  timezone: 'basic',
  clockOffset: 'basic',
  installId: 'basic',
  launchCount: 'basic',
  fingerprint: 'basic',
  botd: 'basic',
  webdriver: 'basic',
  headless: 'basic',
  'behaviour.fields': 'behaviour',
  'behaviour.touch': 'behaviour',
  'behaviour.pages': 'behaviour',
  'behaviour.app': 'behaviour',
  'sensors.motion': 'sensors',
} as const satisfies Record<string, ConsentLevel>;

export type SignalName = keyof typeof SIGNAL_LEVELS;

export interface SignalDoc {
  /** The runtime API the value comes from. */
  source: string;
  /** Where the signal exists. */
  platforms: ReadonlyArray<'weapp' | 'web'>;
  purpose: { 'zh-CN': string; en: string };
  /** Days the bank's server keeps it (recommended default; the bank's policy may be shorter). */
  retentionDays: number;
  /** Whether the SDK keeps anything of it in device storage (always cleared on withdrawal). */
  storedOnDevice: boolean;
}

export interface SignalDeclaration extends SignalDoc {
  /** Stable name; the key in the collection snapshot. */
  name: SignalName;
  level: ConsentLevel;
}

const MP = ['weapp'] as const;
const WEB = ['web'] as const;
const BOTH = ['weapp', 'web'] as const;

/** Notice half: one entry per signal, no more, no less (the `Record` type enforces both). */
export const SIGNAL_DOCS: Record<SignalName, SignalDoc> = {
  device: {
    source: 'getDeviceInfo (fallback getSystemInfoSync)',
    platforms: MP,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '识别模拟器、电脑端与设备农场（品牌、型号、系统、性能等级）',
      en: 'Detect emulators, PC clients and device farms (brand, model, OS, performance tier)',
    },
  },
  window: {
    source: 'getWindowInfo (fallback getSystemInfoSync)',
    platforms: MP,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '屏幕与窗口尺寸，与型号交叉校验',
      en: 'Screen and window sizes, cross-checked against the model',
    },
  },
  appBase: {
    source: 'getAppBaseInfo (fallback getSystemInfoSync)',
    platforms: MP,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '微信版本、基础库、语言、字体、是否开启调试',
      en: 'WeChat and base library version, language, font size, whether debug mode is on',
    },
  },
  systemSetting: {
    source: 'getSystemSetting (fallback getSystemInfoSync)',
    platforms: MP,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '系统开关状态（蓝牙、定位、Wi-Fi、方向），识别异常环境',
      en: 'System switches (Bluetooth, location, Wi-Fi, orientation) to spot abnormal environments',
    },
  },
  network: {
    source: 'getNetworkType',
    platforms: MP,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '网络类型、信号强度、是否使用系统代理（抓包篡改）',
      en: 'Network type, signal strength, system proxy in use (request tampering)',
    },
  },
  battery: {
    source: 'getBatteryInfo',
    platforms: MP,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '电量与充电状态（机架上的设备农场常年满电充电）',
      en: 'Battery level and charging (farm phones on racks sit charging at 100%)',
    },
  },
  screenRecording: {
    source: 'getScreenRecordingState',
    platforms: MP,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '是否正在录屏（远程操控、诈骗指导）',
      en: 'Screen recording in progress (remote control, scam coaching)',
    },
  },
  launch: {
    source: 'getLaunchOptionsSync / getEnterOptionsSync',
    platforms: MP,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '进入场景值与渠道，用于渠道激增检测',
      en: 'Launch scene and channel, for per-channel surge detection',
    },
  },
  timezone: {
    source: 'Intl.DateTimeFormat / Date',
    platforms: BOTH,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '时区，与网络位置交叉校验',
      en: 'Time zone, cross-checked against network location',
    },
  },
  clockOffset: {
    source: 'device clock vs server time from the handshake',
    platforms: BOTH,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '设备时钟与服务器时钟的偏差（篡改时间、重放）',
      en: 'Device clock vs server clock (time tampering, replay)',
    },
  },
  installId: {
    source: 'random 128-bit id in SDK storage',
    platforms: BOTH,
    retentionDays: 180,
    storedOnDevice: true,
    purpose: {
      'zh-CN': '随机安装标识，识别一台设备对应多个身份（非设备硬件标识）',
      en: 'Random install id to spot one device behind many identities (not a hardware id)',
    },
  },
  launchCount: {
    source: 'counter in SDK storage',
    platforms: BOTH,
    retentionDays: 180,
    storedOnDevice: true,
    purpose: {
      'zh-CN': '启动次数（新装即申请是批量作业的特征）',
      en: 'Launch count (apply-on-first-launch is typical of batch operations)',
    },
  },
  fingerprint: {
    source: '@fingerprintjs/fingerprintjs 5 (monitoring off)',
    platforms: WEB,
    retentionDays: 180,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '浏览器特征与 visitorId，识别同一浏览器多身份',
      en: 'Browser components and visitorId, to spot one browser behind many identities',
    },
  },
  botd: {
    source: '@fingerprintjs/botd 2 (monitoring off)',
    platforms: WEB,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '自动化浏览器检测结果',
      en: 'Automated-browser detection result',
    },
  },
  webdriver: {
    source: 'navigator.webdriver',
    platforms: WEB,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '浏览器是否被自动化驱动',
      en: 'Whether the browser is driven by automation',
    },
  },
  headless: {
    source: 'navigator / window traits',
    platforms: WEB,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '无头浏览器特征',
      en: 'Headless browser traits',
    },
  },
  'behaviour.fields': {
    source: 'app-declared form fields: focus/blur/input lengths',
    platforms: BOTH,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '填写节奏统计（次数、停留、粘贴、删除、间隔），不含输入内容',
      en: 'Typing rhythm statistics (counts, dwell, pastes, deletions, intervals); never the content',
    },
  },
  'behaviour.touch': {
    source: 'touchstart/touchend/touchmove handlers',
    platforms: BOTH,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '触摸次数、时长、间隔、压力与粗粒度位置分布',
      en: 'Touch count, duration, intervals, force and coarse position spread',
    },
  },
  'behaviour.pages': {
    source: 'page show/hide handlers',
    platforms: BOTH,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '页面停留与浏览路径、从启动到操作的时间',
      en: 'Page dwell, navigation path, time from launch to action',
    },
  },
  'behaviour.app': {
    source: 'onAppHide / onAppShow',
    platforms: BOTH,
    retentionDays: 90,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '切换到后台/前台的次数（如切出去查看他人资料）',
      en: "Background/foreground switches (e.g. leaving to look up someone else's data)",
    },
  },
  'sensors.motion': {
    source: 'onAccelerometerChange / onGyroscopeChange (after requirePrivacyAuthorize)',
    platforms: BOTH,
    retentionDays: 30,
    storedOnDevice: false,
    purpose: {
      'zh-CN': '加速度计/陀螺仪方差与采样数（机架与模拟器上是平的）',
      en: 'Accelerometer/gyroscope variance and sample counts (flat on racks and emulators)',
    },
  },
};

function joinDeclarations(): readonly SignalDeclaration[] {
  return (Object.keys(SIGNAL_LEVELS) as SignalName[]).map((name) => ({
    name,
    level: SIGNAL_LEVELS[name],
    ...SIGNAL_DOCS[name],
  }));
}

/** Every signal with its full declaration, in declaration order (for SIGNALS.md and consent screens). */
export const SIGNALS: readonly SignalDeclaration[] = /* @__PURE__ */ joinDeclarations();

/** The full declaration of a signal, or undefined when it is not declared (and so must not be collected). */
export function getSignal(name: string): SignalDeclaration | undefined {
  return SIGNALS.find((s) => s.name === name);
}

/** The consent level a signal needs, or undefined when it is not declared. */
export function signalLevel(name: string): ConsentLevel | undefined {
  return Object.prototype.hasOwnProperty.call(SIGNAL_LEVELS, name) ? SIGNAL_LEVELS[name as SignalName] : undefined;
}

/** True when `name` is declared and its level is among `granted`. */
export function isSignalAllowed(name: string, granted: ReadonlySet<ConsentLevel>): boolean {
  const level = signalLevel(name);
  return level !== undefined && granted.has(level);
}
