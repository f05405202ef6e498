import type { Collector } from './types';
import { pick } from './pick';

/** Raw traits, not a verdict: each one alone is weak, the server weighs them together. */
export const HEADLESS_TRAITS = [
  'uaHeadless',
  'noPlugins',
  'noLanguages',
  'noChromeObject',
  'zeroOuterSize',
  'notificationDeniedDefault',
  'hardwareConcurrency',
] as const;

export const headlessCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'headless',
  probe: 'headless',
  run: async (ctx) => pick(await ctx.platform.probes.headless!(), HEADLESS_TRAITS),
};
