import Taro from '@tarojs/taro';
import type { AmortisingMethod } from '../../domain';

/** What the application form keeps across an app restart (never sent anywhere until submit). */
export interface ApplyDraft {
  amountText: string;
  termMonths: number | null;
  method: AmortisingMethod | null;
  purpose: string | null;
  enterpriseId: string | null;
}

export const DRAFT_KEY = 'lj.applyDraft';
export const EMPTY_DRAFT: ApplyDraft = {
  amountText: '',
  termMonths: null,
  method: null,
  purpose: null,
  enterpriseId: null,
};

export function loadDraft(): ApplyDraft | null {
  try {
    const raw: unknown = Taro.getStorageSync(DRAFT_KEY);
    if (!raw) return null;
    const d = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<ApplyDraft>;
    return { ...EMPTY_DRAFT, ...d, amountText: typeof d.amountText === 'string' ? d.amountText : '' };
  } catch {
    return null; // a corrupt draft is dropped, not fatal
  }
}

export function saveDraft(d: ApplyDraft): void {
  try {
    Taro.setStorageSync(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // best effort: the form still works without persistence
  }
}

export function clearDraft(): void {
  try {
    Taro.removeStorageSync(DRAFT_KEY);
  } catch {
    // nothing to clear
  }
}

export function isEmptyDraft(d: ApplyDraft): boolean {
  return !d.amountText && !d.termMonths && !d.method && !d.purpose;
}
