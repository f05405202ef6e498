import type { Collector } from './types';
import { pick } from './pick';

/**
 * IANA zone + UTC offset. Uses the platform probe when there is one (the virtual device fakes
 * zones); otherwise `Intl`, which both the WeChat logic layer and browsers provide.
 */
export const timezoneCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'timezone',
  async run(ctx) {
    if (ctx.platform.probes.timezone) return pick(await ctx.platform.probes.timezone(), ['timeZone', 'offsetMinutes']);
    let timeZone = '';
    try {
      timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
    } catch {
      // Some older base libraries ship without full Intl; the offset alone still helps.
    }
    return { timeZone, offsetMinutes: -new Date(ctx.platform.now()).getTimezoneOffset() };
  },
};
