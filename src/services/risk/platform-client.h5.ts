import { createRiskClient, type RiskClient, type RiskClientOptions } from '@lingjie/risk-sdk/web';

/** H5: Web Crypto, localStorage, fetch, FingerprintJS and BotD (loaded lazily, monitoring off). */
export function createPlatformRiskClient(options: Omit<RiskClientOptions, 'platform'>): RiskClient {
  return createRiskClient(options);
}
