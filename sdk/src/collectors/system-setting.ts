import type { Collector } from './types';
import { pick } from './pick';

/** System switches; all-off or impossible combinations hint at emulators. */
const KEYS = ['bluetoothEnabled', 'locationEnabled', 'wifiEnabled', 'deviceOrientation'] as const;

export const systemSettingCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'systemSetting',
  probe: 'systemSetting',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.systemSetting!(), KEYS),
};
