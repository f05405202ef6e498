import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import type { ConsentLevel } from '@lingjie/risk-sdk/web';
import { loadRisk, whenRiskLoaded } from './risk';

import { CONSENT_PURPOSES, NOTICE_VERSION, type ConsentPurpose } from './consent-purposes';

export { CONSENT_PURPOSES, NOTICE_VERSION, type ConsentPurpose };

export type ConsentChoices = Partial<Record<ConsentPurpose, boolean>>;
interface Stored {
  version: string;
  choices: ConsentChoices;
}

const STORAGE_KEY = 'lj.consent';
let state: Stored | null | undefined;
const listeners = new Set<() => void>();

function load(): Stored | null {
  if (state === undefined) {
    try {
      const raw = Taro.getStorageSync(STORAGE_KEY);
      const parsed = typeof raw === 'string' && raw ? (JSON.parse(raw) as Stored) : null;
      state = parsed && parsed.version === NOTICE_VERSION ? parsed : null; // a new notice asks again
    } catch {
      state = null;
    }
  }
  return state;
}

/** SDK levels that follow from the choices: device & behaviour data come with `risk_device`. */
export function riskLevels(choices: ConsentChoices): ConsentLevel[] {
  return choices.risk_device ? ['basic', 'behaviour'] : [];
}

/**
 * Applies the stored choices to the risk SDK; call at launch. They are granted the moment the SDK is
 * there (on H5 it loads after the first screen), before any seal waiting for it can run.
 */
export function applyConsentAtLaunch(): void {
  const levels = riskLevels(load()?.choices ?? {});
  if (levels.length) whenRiskLoaded((client) => void client.grantConsent(levels).catch(() => undefined));
}

/** Saves the user's choices and starts or stops the risk SDK to match. */
export async function saveConsent(choices: ConsentChoices): Promise<void> {
  const before = load()?.choices ?? {};
  state = { version: NOTICE_VERSION, choices };
  try {
    Taro.setStorageSync(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // still applied for this run
  }
  const levels = riskLevels(choices);
  if (levels.length) await (await loadRisk()).grantConsent(levels);
  else if (before.risk_device) (await loadRisk()).withdrawConsent(); // stops listeners, drops queues, clears SDK storage
  listeners.forEach((l) => l());
}

export function consentChoices(): ConsentChoices | null {
  return load()?.choices ?? null;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The stored choices, or null before the user has been asked. */
export function useConsentChoices(): ConsentChoices | null {
  return useSyncExternalStore(subscribe, consentChoices, () => null);
}
