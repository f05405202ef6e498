import type { Collector } from './types';
import { pick } from './pick';

/** Screen recording during an application suggests remote control or scam coaching. */
const KEYS = ['state'] as const;

export const screenRecordingCollector: Collector<Record<string, string | number | boolean>> = {
  signal: 'screenRecording',
  probe: 'screenRecording',
  // The runner only calls a collector whose probe the platform provides, hence the assertion.
  run: async (ctx) => pick(await ctx.platform.probes.screenRecording!(), KEYS),
};
