import type { Collector } from './types';
import { pick } from './pick';

/** Screen geometry, cross-checked server-side against the claimed model. */
const KEYS = ['pixelRatio', 'screenWidth', 'screenHeight', 'windowWidth', 'windowHeight', 'statusBarHeight'] as const;

export const windowCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'window',
  probe: 'window',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.window!(), KEYS),
};
