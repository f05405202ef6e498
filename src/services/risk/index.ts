import type { RiskClient } from '@lingjie/risk-sdk/web';
import { createPlatformRiskClient } from './platform-client';
import { RISK_FIELDS } from './fields';

// One risk-SDK client for the app, made on first use (nothing is touched at import). It collects
// nothing until consent.ts grants it levels from the user's choices on the consent screen.
let client: RiskClient | null = null;

export function risk(): RiskClient {
  if (!client) {
    client = createPlatformRiskClient({
      endpoint: LJ_API_BASE,
      serverPublicKey: LJ_RISK_PUBLIC_KEY,
      keyId: LJ_RISK_KEY_ID,
      fields: [...RISK_FIELDS],
    });
  }
  return client;
}

/** The X-Risk-Token for a business request whose JSON body is exactly `body`. */
export function sealAction(action: string, body: unknown): Promise<string> {
  return risk().seal(action, body);
}

export function resetRiskSession(): void {
  client?.resetSession();
}

export { RISK_FIELDS, type RiskField } from './fields';
