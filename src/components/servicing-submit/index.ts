import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../services/api/client';
import { newIdempotencyKey } from '../../services/random-id';
import { zhCN } from '../../locales/zh-CN';

export interface MoneyActionState<T> {
  busy: boolean;
  error: string | null;
  /** The form field the bank blamed (ApiError.field), to show the message next to it. */
  errorField: string | null;
  result: T | null;
}

/**
 * Submits a money-moving request at most once per user action:
 * - one Idempotency-Key per action, kept for every retry of the same request (same body), so a
 *   retry after a lost answer cannot move money twice; a changed request gets a fresh key;
 * - a second tap while the first is in flight does nothing (a ref, not state: state updates are
 *   asynchronous and a fast double tap would slip through).
 */
export function useMoneyAction<T>() {
  const [state, setState] = useState<MoneyActionState<T>>({ busy: false, error: null, errorField: null, result: null });
  const inFlight = useRef(false);
  const attempt = useRef<{ signature: string; key: string } | null>(null);

  const run = useCallback(async (signature: string, send: (idempotencyKey: string) => Promise<T>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState((s) => ({ ...s, busy: true, error: null, errorField: null }));
    try {
      if (!attempt.current || attempt.current.signature !== signature) {
        attempt.current = { signature, key: await newIdempotencyKey() };
      }
      const result = await send(attempt.current.key);
      attempt.current = null; // done: the next action is a new one
      setState({ busy: false, error: null, errorField: null, result });
    } catch (e) {
      setState({
        busy: false,
        result: null,
        error: e instanceof ApiError ? e.message : zhCN.errors.generic,
        errorField: e instanceof ApiError ? (e.field ?? null) : null,
      });
    } finally {
      inFlight.current = false;
    }
  }, []);

  const reset = useCallback(() => {
    attempt.current = null;
    setState({ busy: false, error: null, errorField: null, result: null });
  }, []);

  return { ...state, run, reset };
}

export type MoneyAction<T> = ReturnType<typeof useMoneyAction<T>>;
