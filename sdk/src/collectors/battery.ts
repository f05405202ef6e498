import type { Collector } from './types';
import { pick } from './pick';

/** Farm phones sit on chargers at 100%; the server looks at the pattern across devices. */
const KEYS = ['level', 'isCharging'] as const;

export const batteryCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'battery',
  probe: 'battery',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.battery!(), KEYS),
};
