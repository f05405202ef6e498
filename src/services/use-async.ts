import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api/api-error';
import { zhCN } from '../locales/zh-CN/entry';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | null;
  /** The failing API error's code, for screens that branch on it (e.g. UNAUTHENTICATED). */
  errorCode: string | null;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a screen: loading, zh-CN error and reload, ignoring answers to stale requests. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<Omit<AsyncState<T>, 'reload'>>({
    data: undefined,
    error: null,
    errorCode: null,
    loading: true,
  });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null, errorCode: null }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, errorCode: null, loading: false }),
      (e: unknown) =>
        mine === generation.current &&
        setState({
          data: undefined,
          loading: false,
          error: e instanceof ApiError ? e.message : zhCN.errors.generic,
          errorCode: e instanceof ApiError ? e.code : 'UNKNOWN',
        }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}
