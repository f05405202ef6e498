import { useEffect, useState } from 'react';
import { isChunkLoadError } from './chunk-error';

/** The part of `window` this needs, so tests can hand in an EventTarget. */
export type ErrorSource = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Calls `onFailure` when a page's code or styles fail to load. The failure arrives either as an
 * unhandled rejection (Taro's router rethrows the import() error) or as an 'error' event.
 * Returns the function that removes the listeners.
 */
export function watchChunkFailures(source: ErrorSource, onFailure: () => void): () => void {
  const onError = (e: Event) => {
    const ev = e as ErrorEvent;
    if (isChunkLoadError(ev.error) || isChunkLoadError(ev.message)) onFailure();
  };
  const onRejection = (e: Event) => {
    const reason = (e as PromiseRejectionEvent).reason;
    if (!isChunkLoadError(reason)) return;
    e.preventDefault(); // handled here: the owner sees the notice, not a console error
    onFailure();
  };
  source.addEventListener('error', onError);
  source.addEventListener('unhandledrejection', onRejection);
  return () => {
    source.removeEventListener('error', onError);
    source.removeEventListener('unhandledrejection', onRejection);
  };
}

/** Whether a page failed to load since launch (only watched when `enabled`, i.e. on H5). */
export function useChunkLoadFailure(enabled: boolean, source?: ErrorSource): boolean {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const target = source ?? (typeof window === 'undefined' ? undefined : window);
    if (!enabled || !target) return undefined;
    return watchChunkFailures(target, () => setFailed(true));
  }, [enabled, source]);
  return failed;
}
