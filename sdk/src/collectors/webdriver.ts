import type { Collector } from './types';
import { pick } from './pick';

export const webdriverCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'webdriver',
  probe: 'webdriver',
  run: async (ctx) => pick(await ctx.platform.probes.webdriver!(), ['webdriver']),
};
