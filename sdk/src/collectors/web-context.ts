// Test helper: a collector context whose platform has only the given probes (H5 collectors).
import { createSdkStorage } from '../platform/sdk-storage';
import { createMemoryStorage } from '../platform/memory-storage';
import type { PlatformProbes } from '../platform/types';
import type { CollectorContext } from './types';

export function probeContext(probes: PlatformProbes): CollectorContext {
  return {
    platform: {
      kind: 'web',
      probes,
      fillRandom: () => undefined,
      now: () => 0,
      storage: createMemoryStorage(),
      request: async () => null,
      onAppHide: () => () => undefined,
      onAppShow: () => () => undefined,
    },
    storage: createSdkStorage(createMemoryStorage()),
    randomId: () => '0'.repeat(32),
    clockOffset: () => null,
  };
}
