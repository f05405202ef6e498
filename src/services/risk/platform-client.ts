// Taro picks platform-client.weapp.ts or platform-client.h5.ts at build time; this file is what
// TypeScript and the jsdom tests see.
export { createPlatformRiskClient } from './platform-client.h5';
