import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

// The bank session: a bearer token issued by the sandbox bank after login (never the WeChat
// session_key, which stays on the server). Persisted so a restart keeps the user signed in.
const STORAGE_KEY = 'lj.session';
let token: string | null | undefined;
const listeners = new Set<() => void>();

function read(): string | null {
  if (token === undefined) {
    try {
      const stored = Taro.getStorageSync(STORAGE_KEY);
      token = typeof stored === 'string' && stored ? stored : null;
    } catch {
      token = null;
    }
  }
  return token;
}

export function sessionToken(): string | null {
  return read();
}

export function setSessionToken(next: string | null): void {
  token = next;
  try {
    if (next) Taro.setStorageSync(STORAGE_KEY, next);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // persistence is best effort; the session still works for this run
  }
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** True while the user has a bank session. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => read() !== null,
    () => false,
  );
}
