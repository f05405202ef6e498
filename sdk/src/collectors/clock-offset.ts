import type { Collector } from './types';

/**
 * Raw device time and its offset from the server clock measured at the handshake. The token
 * header carries server-corrected time; the raw clock travels here as a signal (wrong clocks are
 * common on farms and with replay tools).
 */
export const clockOffsetCollector: Collector<{ deviceTime: number; offsetMs: number | null }> = {
  signal: 'clockOffset',
  run: (ctx) => ({ deviceTime: ctx.platform.now(), offsetMs: ctx.clockOffset() }),
};
