/**
 * `@lingjie/risk-sdk/gm`: the 国密 client suite, LJG1-SM2-HMAC-SM3-SM4CBC (PROTOCOL.md §8.1).
 * A subpath of its own so that apps on the default suite never load sm-crypto-v2:
 *
 *   import { ljg1JsSuite, LJG1_SUITE } from '@lingjie/risk-sdk/gm';
 *   createRiskClient({ …, keyId, serverPublicKey, suite: LJG1_SUITE, suites: [ljg1JsSuite] });
 *
 * Note: sm-crypto-v2 pre-fills its own random pool when it loads (Web Crypto, or `wx.getRandomValues`
 * in a mini-program). The SDK never uses that pool: every key, IV and nonce comes from the SDK's.
 */
export { ljg1JsSuite } from './protocol/suites/ljg1-js';
export { LJG1_SUITE } from './protocol/suites/ljg1-params';
export type { CipherSuite } from './protocol/suite';
