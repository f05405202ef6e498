import type { RiskClient, RiskClientOptions } from '@lingjie/risk-sdk/web';

/**
 * H5: Web Crypto, localStorage, fetch, FingerprintJS and BotD (loaded lazily, monitoring off).
 * The SDK (with its crypto) is a chunk of its own, fetched on first use: the home screen does not
 * need it, and on a phone network every KB before first paint counts (issue 11 point 8).
 */
export async function createPlatformRiskClient(options: Omit<RiskClientOptions, 'platform'>): Promise<RiskClient> {
  const { createRiskClient } = await import(/* webpackChunkName: "risk-sdk" */ '@lingjie/risk-sdk/web');
  return createRiskClient(options);
}

/**
 * Runs `task` once the first screen is up and the main thread is idle, so the SDK never competes with
 * it. `load` waits for index.html's scripts and preloads and for the page chunk the router inserted.
 */
export function afterFirstScreen(task: () => void): void {
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 3000 });
    else setTimeout(task, 300);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
