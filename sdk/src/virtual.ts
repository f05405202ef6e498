/**
 * Virtual device entry (Node): the real client over a configurable fake phone, for tests and the
 * QA simulator. Uses node:crypto unless a seeded source is injected.
 */
import { createRiskClient, type RiskClient, type RiskClientOptions } from './client';
import { createVirtualPlatform, type VirtualPlatform, type VirtualPlatformOptions } from './platform/virtual';

export interface VirtualClientOptions extends Omit<RiskClientOptions, 'platform'> {
  /** The device: profile, network (`post`), storage, clock, randomness, faults. */
  device?: VirtualPlatformOptions;
}

/** A client on a new virtual device; returns both so a test can drive the device (hide, sensors…). */
export function createVirtualClient(options: VirtualClientOptions): { client: RiskClient; platform: VirtualPlatform } {
  const { device, ...rest } = options;
  const platform = createVirtualPlatform(device);
  return { client: createRiskClient({ ...rest, platform }), platform };
}

export {
  createVirtualPlatform,
  type VirtualPlatform,
  type VirtualPlatformOptions,
  type VirtualCounters,
} from './platform/virtual';
export { DEFAULT_PROFILE, PROFILES, type DeviceProfile } from './platform/device-profile';
export { seededFill, seededUnit, createSeededPrng } from './platform/seeded-random';
export * from './index';
