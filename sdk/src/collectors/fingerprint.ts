import type { Collector } from './types';

/** FingerprintJS 5: visitorId plus its components (H5 only; the library needs a DOM). */
export const fingerprintCollector: Collector<Record<string, unknown>> = {
  signal: 'fingerprint',
  probe: 'fingerprint',
  run: (ctx) => ctx.platform.probes.fingerprint!(),
};
