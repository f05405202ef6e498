import type { Collector } from './types';
import { pick } from './pick';

/** Scene and channel drive the per-channel surge detection on the server. */
const KEYS = ['scene', 'channel'] as const;

export const launchCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'launch',
  probe: 'launch',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.launch!(), KEYS),
};
