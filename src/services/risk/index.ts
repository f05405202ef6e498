import type { BehaviourApi, BoundRequest, RiskClient } from '@lingjie/risk-sdk/web';
import { afterFirstScreen, createPlatformRiskClient } from './platform-client';
import { RISK_FIELDS } from './fields';

/*
 * One risk-SDK client for the app, made on first use (nothing is touched at import). It collects
 * nothing until consent.ts grants it levels from the user's choices on the consent screen.
 * On H5 the SDK is loaded with import() (platform-client.h5.ts): app.ts starts that once the first
 * screen is up; sealing or a consent change before then waits for it. The same API on both platforms.
 */
let client: RiskClient | null = null;
let loading: Promise<RiskClient> | null = null;

// Work that arrived before the SDK (the launch consent grant, page show/hide): run in order the moment
// it is there, before any seal waiting for it. Bounded, in
// case it never loads (offline).
const MAX_PENDING = 50;
const pending: Array<(c: RiskClient) => void> = [];

/** The client, loading the SDK first if need be. A failed load (offline) is retried on the next call. */
export function loadRisk(): Promise<RiskClient> {
  loading ??= createPlatformRiskClient({
    endpoint: LJ_API_BASE,
    serverPublicKey: LJ_RISK_PUBLIC_KEY,
    keyId: LJ_RISK_KEY_ID,
    fields: [...RISK_FIELDS],
  }).then(
    (made) => {
      client = made;
      pending.splice(0).forEach((task) => task(made));
      return made;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Starts loading the SDK once the first screen is up (H5), so it is there before the owner reaches a form. */
export function preloadRiskAfterFirstScreen(): void {
  afterFirstScreen(() => void loadRisk().catch(() => undefined)); // offline: the next seal retries
}

/** Runs `task` with the client now if it is loaded, else once it is (without starting the load). */
export function whenRiskLoaded(task: (c: RiskClient) => void): void {
  if (client) task(client);
  else if (pending.length < MAX_PENDING) pending.push(task);
}

/**
 * Behaviour capture for form fields, or null while the SDK is not loaded yet: keystrokes typed before
 * that are simply not measured (on H5 it loads right after the first screen, before any form).
 */
export function riskBehaviour(): BehaviourApi | null {
  return client?.behaviour ?? null;
}

/** The X-Risk-Token for exactly this request: its method, path (with ids, no query) and JSON body. */
export async function sealAction(action: string, request: BoundRequest): Promise<string> {
  return (await loadRisk()).seal(action, request);
}

/** Forgets the protocol session; if the SDK is still loading, before anything sealed after this call. */
export function resetRiskSession(): void {
  if (client) client.resetSession();
  // Chained on the load itself, so it runs before any seal that was asked for after it.
  else if (loading)
    void loading.then(
      (c) => c.resetSession(),
      () => undefined,
    );
}

export { RISK_FIELDS, type RiskField } from './fields';
