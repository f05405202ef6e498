import type { BoundRequest, RiskClient } from '@lingjie/risk-sdk/web';
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

/** The X-Risk-Token for exactly this request: its method, path (with ids, no query) and JSON body. */
export function sealAction(action: string, request: BoundRequest): Promise<string> {
  return risk().seal(action, request);
}

export function resetRiskSession(): void {
  client?.resetSession();
}

export { RISK_FIELDS, type RiskField } from './fields';
