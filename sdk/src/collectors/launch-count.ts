import type { Collector } from './types';
import type { SdkStorage } from '../platform/sdk-storage';

export const LAUNCH_COUNT_KEY = 'launchCount';

/** Called once per client instance after consent: one instance ≈ one app launch. */
export function bumpLaunchCount(storage: SdkStorage): number {
  const prev = storage.getJson<number>(LAUNCH_COUNT_KEY);
  const next = (typeof prev === 'number' && Number.isFinite(prev) && prev >= 0 ? prev : 0) + 1;
  storage.setJson(LAUNCH_COUNT_KEY, next);
  return next;
}

/** Apply-on-first-launch is typical of batch operations; genuine owners come back. */
export const launchCountCollector: Collector<number> = {
  signal: 'launchCount',
  run(ctx) {
    const n = ctx.storage.getJson<number>(LAUNCH_COUNT_KEY);
    return typeof n === 'number' ? n : 0;
  },
};
