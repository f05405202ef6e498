// Test helper (not exported from any entry): a collector context on a virtual device.
import { createSdkStorage } from '../platform/sdk-storage';
import { createVirtualPlatform, type VirtualPlatformOptions } from '../platform/virtual';
import type { CollectorContext } from './types';

export function virtualContext(
  opts: VirtualPlatformOptions = {},
  clockOffset: number | null = null,
): CollectorContext & { platform: ReturnType<typeof createVirtualPlatform> } {
  const platform = createVirtualPlatform(opts);
  let n = 0;
  return {
    platform,
    storage: createSdkStorage(platform.storage),
    randomId: () => (++n).toString(16).padStart(32, 'a'),
    clockOffset: () => clockOffset,
  };
}
