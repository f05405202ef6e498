/**
 * Mini-program entry: `createRiskClient` over WeChat APIs via Taro (or raw `wx`).
 * `@tarojs/taro` is injected, not imported, so this module is safe to load anywhere.
 */
import { createClientWith, type RiskClient, type RiskClientOptions } from './client';
import { CORE_COLLECTORS } from './collectors/registry';
import { createTaroPlatform, type TaroLike, type TaroPlatformOptions } from './platform/taro';

export interface TaroRiskClientOptions extends Omit<RiskClientOptions, 'platform'>, TaroPlatformOptions {
  /**
   * The Taro module (`import Taro from '@tarojs/taro'`) or `wx`. Default: the global `wx`, looked
   * up when the client is created (never at import).
   */
  taro?: object;
}

export function createRiskClient(options: TaroRiskClientOptions): RiskClient {
  const taro = (options.taro ?? (globalThis as { wx?: object }).wx) as TaroLike | undefined;
  if (!taro) throw new Error('@lingjie/risk-sdk/taro: pass `taro` (the Taro module) or run inside a mini-program');
  // Object.assign, not object spread: the ES2017 build would add esbuild's spread helpers to the bundle.
  return createClientWith(Object.assign({}, options, { platform: createTaroPlatform(taro, options) }), CORE_COLLECTORS);
}

export { createTaroPlatform, type TaroLike, type TaroPlatformOptions };
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
