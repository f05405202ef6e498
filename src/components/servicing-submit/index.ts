import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../services/api/client';
import { newIdempotencyKey } from '../../services/random-id';
import { zhCN } from '../../locales/zh-CN';
import { useRiskChallenge } from '../risk-challenge/use-risk-challenge';

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
 *   asynchronous and a fast double tap would slip through);
 * - a risk answer (step-up, held, blocked) goes to `risk` for <RiskChallenge>, and `stepUp(code)`
 *   resubmits the same request, same key, with the SMS code.
 */
export function useMoneyAction<T>() {
  const [state, setState] = useState<MoneyActionState<T>>({ busy: false, error: null, errorField: null, result: null });
  const inFlight = useRef(false);
  const attempt = useRef<{ signature: string; key: string } | null>(null);
  const last = useRef<{ signature: string; send: Send<T> } | null>(null);
  const risk = useRiskChallenge();
  const { handle: handleRisk, clear: clearRisk } = risk;

  const run = useCallback(
    async (signature: string, send: Send<T>, stepUpCode?: string) => {
      if (inFlight.current) return;
      last.current = { signature, send };
      inFlight.current = true;
      setState((s) => ({ ...s, busy: true, error: null, errorField: null }));
      try {
        if (!attempt.current || attempt.current.signature !== signature) {
          attempt.current = { signature, key: await newIdempotencyKey() };
        }
        const result = await send(attempt.current.key, stepUpCode);
        attempt.current = null; // done: the next action is a new one
        clearRisk();
        setState({ busy: false, error: null, errorField: null, result });
      } catch (e) {
        if (handleRisk(e)) {
          setState({ busy: false, result: null, error: null, errorField: null });
          return;
        }
        setState({
          busy: false,
          result: null,
          error: e instanceof ApiError ? e.message : zhCN.errors.generic,
          errorField: e instanceof ApiError ? (e.field ?? null) : null,
        });
      } finally {
        inFlight.current = false;
      }
    },
    [handleRisk, clearRisk],
  );

  const stepUp = useCallback(
    (code: string) => (last.current ? run(last.current.signature, last.current.send, code) : Promise.resolve()),
    [run],
  );

  const reset = useCallback(() => {
    attempt.current = null;
    clearRisk();
    setState({ busy: false, error: null, errorField: null, result: null });
  }, [clearRisk]);

  return { ...state, risk: { challenge: risk.challenge, codeError: risk.codeError }, run, stepUp, reset };
}

/** Sends the request with this idempotency key (and the step-up SMS code when resubmitting one). */
type Send<T> = (idempotencyKey: string, stepUpCode?: string) => Promise<T>;

export type MoneyAction<T> = ReturnType<typeof useMoneyAction<T>>;
