import Taro from '@tarojs/taro';
import type { PrepayOption, RepayKind } from './repay-types';

/**
 * The owner's choice on the Repay screen, kept across a reload or an app restart the way the
 * application draft is (package-apply/shared/draft.ts): local storage only, never sent anywhere,
 * one per loan, dropped once the repayment succeeds. The bank's amounts are never stored — they
 * are fetched fresh, and a kept choice that is no longer available is ignored.
 */
export interface RepayDraft {
  kind: RepayKind | null;
  /** Partial prepayment: the principal as typed (yuan) and the option picked. */
  partialAmountText: string;
  partialOption: PrepayOption | null;
}

const KEY_PREFIX = 'lj.repayDraft.';
const KINDS: readonly string[] = ['overdue', 'current', 'full', 'partial'];
const OPTIONS: readonly string[] = ['SHORTEN_TERM', 'LOWER_INSTALMENT'];

export const repayDraftKey = (loanId: string) => `${KEY_PREFIX}${loanId}`;

export function loadRepayDraft(loanId: string): RepayDraft | null {
  try {
    const raw: unknown = Taro.getStorageSync(repayDraftKey(loanId));
    if (!raw) return null;
    const d = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<RepayDraft>;
    return {
      kind: typeof d.kind === 'string' && KINDS.includes(d.kind) ? d.kind : null,
      partialAmountText: typeof d.partialAmountText === 'string' ? d.partialAmountText.slice(0, 20) : '',
      partialOption: typeof d.partialOption === 'string' && OPTIONS.includes(d.partialOption) ? d.partialOption : null,
    };
  } catch {
    return null; // a corrupt draft is dropped, not fatal
  }
}

export function saveRepayDraft(loanId: string, d: RepayDraft): void {
  try {
    Taro.setStorageSync(repayDraftKey(loanId), JSON.stringify(d));
  } catch {
    // best effort: the screen works without persistence
  }
}

export function clearRepayDraft(loanId: string): void {
  try {
    Taro.removeStorageSync(repayDraftKey(loanId));
  } catch {
    // nothing to clear
  }
}
