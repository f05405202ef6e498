// Taro picks platform-client.weapp.ts or platform-client.h5.ts at build time; this file is what
// TypeScript and the jsdom tests see: the H5 variant, with the SDK required up front so that a test's
// waitFor does not time the first require of its sources (jsdom has no chunk to save by waiting).
import '@lingjie/risk-sdk/web';

export { afterFirstScreen, createPlatformRiskClient } from './platform-client.h5';
