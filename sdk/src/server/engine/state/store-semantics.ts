/**
 * Small rules every `EngineStore` implementation shares, so the memory and SQL stores cannot drift
 * apart on them (the conformance suite in engine-store.contract.ts checks the rest).
 */
import type { ChannelCondition } from './engine-store';

/** Rows returned by `alerts` and `decisions` when the filter gives no limit. */
export const DEFAULT_LIMIT = 100;

export const limitOf = (limit: number | undefined): number => Math.max(0, Math.floor(limit ?? DEFAULT_LIMIT));

/**
 * When a condition stopped applying (lifted or expired), or null while it is open. Purge keeps
 * alerts and ended conditions as long as decisions (they are the audit trail of lockdowns) and never
 * removes an open condition.
 */
export function conditionEnd(c: ChannelCondition): number | null {
  const end = Math.min(c.liftedAt ?? Infinity, c.until ?? Infinity);
  return end === Infinity ? null : end;
}
