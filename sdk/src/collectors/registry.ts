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
 */
export const COLLECTORS: readonly Collector[] = [
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
  webdriverCollector,
  headlessCollector,
  botdCollector,
  fingerprintCollector,
];
