import type { Collector } from './types';
import { pick } from './pick';

/** Hardware and OS tier: emulators and PC clients show up here (platform 'windows'/'mac'/'devtools'). */
const KEYS = ['brand', 'model', 'system', 'platform', 'abi', 'benchmarkLevel', 'cpuType', 'memorySize'] as const;

export const deviceCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'device',
  probe: 'device',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.device!(), KEYS),
};
