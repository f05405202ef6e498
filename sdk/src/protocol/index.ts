/** Protocol v1: suites, handshake messages and key schedule, token format, and the client session. */
export { PROTOCOL_VERSION, DEFAULT_SUITE, HANDSHAKE_PATH, TOKEN_KINDS, ACTION_PATTERN } from './constants';
export type { TokenKind } from './constants';
export { ReasonCode, REASON_CODES_IN_ORDER } from './reason-codes';
export { createSuiteRegistry } from './suite';
export type { CipherSuite, SuiteRegistry } from './suite';
export { ljr1JsSuite } from './suites/ljr1-js';
export {
  deriveSessionKeys,
  keyConfirmation,
  keyConfirmationTranscript,
  sessionKeyInfo,
  parseHandshakeRequest,
  parseHandshakeResponse,
  KEY_ID_PATTERN,
} from './handshake';
export type { HandshakeRequest, HandshakeResponse, SessionKeys } from './handshake';
export { parseToken, encodeHeader, sealToken, encodePayload, decodePayload, checkHeaderShape } from './token';
export type { TokenHeader, PayloadEnvelope, ParsedToken, ParseResult } from './token';
export { createSessionClient, HandshakeError } from './session-client';
export { jsCodec } from './codec';
export type { BinaryCodec } from './codec';
export type { SessionClient, SessionClientOptions, SessionInfo } from './session-client';
