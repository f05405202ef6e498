import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../services/api/api-error';

/** The bank's risk answers on a money move (see server/README.md): each is shown by <RiskChallenge>. */
export const RISK_CHALLENGE_CODES = ['RISK_STEP_UP', 'RISK_HELD', 'RISK_BLOCKED'] as const;
const CHALLENGES = new Set<string>(RISK_CHALLENGE_CODES);
/** The bank blames this header for a wrong or stale step-up code: the step-up stays open for another try. */
const STEP_UP_FIELD = 'x-step-up-code';

export interface RiskChallengeState {
  /** The open risk answer, or null. */
  challenge: ApiError | null;
  /** Why the last step-up code was refused, shown under the code field. */
  codeError: string | null;
}

/**
 * Tracks the risk answer of one money action. `handle(e)` is called with every failure of the
 * action and returns true when it was a risk answer (or a refused step-up code) that the challenge
 * now shows, so the page shows no error of its own; `clear()` after a success or a changed action.
 */
export function useRiskChallenge() {
  const [state, setState] = useState<RiskChallengeState>({ challenge: null, codeError: null });
  // Read through a ref so `handle` stays stable for callers' useCallback dependencies.
  const current = useRef(state);
  current.current = state;

  const handle = useCallback((e: unknown): boolean => {
    if (!(e instanceof ApiError)) return false;
    if (CHALLENGES.has(e.code)) {
      setState({ challenge: e, codeError: null });
      return true;
    }
    if (
      current.current.challenge?.code === 'RISK_STEP_UP' &&
      e.field === STEP_UP_FIELD &&
      e.code !== 'STEP_UP_EXPIRED'
    ) {
      setState((s) => ({ ...s, codeError: e.message }));
      return true;
    }
    setState({ challenge: null, codeError: null });
    return false;
  }, []);

  const clear = useCallback(() => setState({ challenge: null, codeError: null }), []);

  return { ...state, handle, clear };
}
