import type { Collector } from './types';
import { pick } from './pick';

/** enableDebug matters most: vConsole/debug mode is common in tampering setups. */
const KEYS = ['SDKVersion', 'version', 'language', 'fontSizeSetting', 'enableDebug', 'theme', 'hostEnv'] as const;

export const appBaseCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'appBase',
  probe: 'appBase',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.appBase!(), KEYS),
};
