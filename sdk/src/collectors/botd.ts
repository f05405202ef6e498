import type { Collector } from './types';
import { pick } from './pick';

/** BotD's verdict is a measurement here, not a decision: the server cross-checks it. */
export const botdCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'botd',
  probe: 'botd',
  run: async (ctx) => pick(await ctx.platform.probes.botd!(), ['bot', 'botKind']),
};
