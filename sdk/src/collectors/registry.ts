import type { Collector } from './types';
import { deviceCollector } from './device';
import { windowCollector } from './window';
import { appBaseCollector } from './app-base';
import { systemSettingCollector } from './system-setting';
import { networkCollector } from './network';
import { batteryCollector } from './battery';
import { screenRecordingCollector } from './screen-recording';
import { launchCollector } from './launch';
import { timezoneCollector } from './timezone';
import { clockOffsetCollector } from './clock-offset';
import { installIdCollector } from './install-id';
import { launchCountCollector } from './launch-count';
import { fingerprintCollector } from './fingerprint';
import { botdCollector } from './botd';
import { webdriverCollector } from './webdriver';
import { headlessCollector } from './headless';

/**
 * The ordered registry. Order is the snapshot's key order (stable payloads are easier to diff);
 * cheap synchronous signals first so a tight deadline still yields the essentials.
 *
 * In two halves so the mini-program entry ships only the first: `WEB_COLLECTORS` read probes that
 * only the web platform has (a Taro platform skips them anyway), and they come last in the snapshot.
 */
export const CORE_COLLECTORS: readonly Collector[] = [
  deviceCollector,
  windowCollector,
  appBaseCollector,
  systemSettingCollector,
  launchCollector,
  timezoneCollector,
  clockOffsetCollector,
  installIdCollector,
  launchCountCollector,
  networkCollector,
  batteryCollector,
  screenRecordingCollector,
];

export const WEB_COLLECTORS: readonly Collector[] = [
  webdriverCollector,
  headlessCollector,
  botdCollector,
  fingerprintCollector,
];

/** Every collector, in snapshot order (pure, so a bundle that never reads it drops the web half). */
export const COLLECTORS: readonly Collector[] = /* @__PURE__ */ CORE_COLLECTORS.concat(WEB_COLLECTORS);
