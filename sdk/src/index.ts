/**
 * @lingjie/risk-sdk — platform-neutral core. Bring a `Platform` (see `./taro`, `./web`,
 * `./virtual`); nothing here touches a runtime global at import time.
 */
export {
  createRiskClient,
  HANDSHAKE_PATH,
  TELEMETRY_PATH,
  type RiskClient,
  type RiskClientOptions,
  type ActionPayload,
  type BoundRequest,
} from './client';
export { ConsentError, type ConsentState } from './consent/consent';
export { DEFAULT_SUITE } from './protocol/constants';
export type { CipherSuite } from './protocol/suite';
export {
  ConsentLevel,
  CONSENT_LEVELS,
  SIGNALS,
  SIGNAL_LEVELS,
  SIGNAL_DOCS,
  getSignal,
  signalLevel,
  type SignalName,
  type SignalDoc,
  type SignalDeclaration,
} from './manifest';
export type { BehaviourApi, BehaviourSummary } from './behaviour';
export type { Snapshot, CollectorResult } from './collectors';
export type { TransportOptions, TelemetryEvent, FlushResult } from './transport';
export * from './platform';
