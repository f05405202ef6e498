/**
 * `@lingjie/risk-sdk/server`: Node-only. Handshake + token verification for the bank backend.
 */
export { createRiskServer, HandshakeRejectedError, HandshakeRejectCode } from './risk-server';
export type { RiskServer, RiskServerOptions } from './risk-server';
export type { ServerKeyConfig } from './key-ring';
export type { VerifyContext, VerifyResult, SessionSummary } from './verify-token';
export { createTokenVerifier } from './verify-token';
export type { ClaimOutcome, StoredSession, RiskStore, TokenClaim } from './store';
export { createMemoryStore } from './memory-store';
export type { MemoryStore } from './memory-store';
export { ljr1NodeSuite } from './ljr1-node-suite';
export { ljg1NodeSuite } from './ljg1-node-suite';
export { LJG1_SUITE } from '../protocol/suites/ljg1-params';
export { resolveSuiteName } from './key-ring';
export { generateServerKeyPair } from './keygen';
export type { GeneratedServerKey, GenerateServerKeyOptions } from './keygen';
export { ReasonCode, REASON_CODES_IN_ORDER } from '../protocol/reason-codes';
export { DEFAULT_SUITE, HANDSHAKE_PATH, PROTOCOL_VERSION } from '../protocol/constants';
export { createSuiteRegistry } from '../protocol/suite';
export type { CipherSuite, SuiteRegistry } from '../protocol/suite';
export type { HandshakeRequest, HandshakeResponse } from '../protocol/handshake';
export type { TokenHeader } from '../protocol/token';
export type { BoundRequest } from '../crypto/biz-hash';
