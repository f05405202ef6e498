/** H5 entry: `createRiskClient` over Web Crypto, localStorage, fetch, FingerprintJS and BotD (monitoring off). */
import { createRiskClient as createCoreClient, type RiskClient, type RiskClientOptions } from './client';
import { createWebPlatform, type WebPlatformOptions } from './platform/web';

export interface WebRiskClientOptions extends Omit<RiskClientOptions, 'platform'> {
  /** Loader and storage overrides (tests, or to leave FingerprintJS/BotD out of a bundle). */
  web?: WebPlatformOptions;
}

export function createRiskClient(options: WebRiskClientOptions): RiskClient {
  const { web, ...rest } = options;
  return createCoreClient({ ...rest, platform: createWebPlatform(web) });
}

export { createWebPlatform, type WebPlatformOptions, type FingerprintModule, type BotdModule } from './platform/web';
// Not `export * from './index'`: the notice text (SIGNALS) stays out of the app bundle unless the
// app imports it from the core entry to show it.
export { ConsentError, type ConsentState } from './consent/consent';
export { ConsentLevel, CONSENT_LEVELS, type SignalName } from './manifest';
export { RequestError } from './platform/request-error';
export {
  HANDSHAKE_PATH,
  TELEMETRY_PATH,
  type RiskClient,
  type RiskClientOptions,
  type ActionPayload,
  type BoundRequest,
} from './client';
export type { BehaviourApi, BehaviourSummary } from './behaviour';
export type { Snapshot, CollectorResult } from './collectors';
export type { TransportOptions, TelemetryEvent, FlushResult } from './transport';
export type { Platform, KeyValueStorage } from './platform/types';
