import type { Collector } from './types';
import { pick } from './pick';

/** hasSystemProxy flags Charles/whistle-style MITM setups. */
const KEYS = ['networkType', 'signalStrength', 'hasSystemProxy'] as const;

export const networkCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'network',
  probe: 'network',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.network!(), KEYS),
};
