import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

// 长辈模式: a persisted, app-wide switch. Pages read it through useElderMode() and add the
// `lj-elder` class, which enlarges text (≥18px) and touch targets (≥60px) in one place.
const STORAGE_KEY = 'lj.elderMode';
let enabled = false;
const listeners = new Set<() => void>();

/**
 * The H5 tab bar is drawn by Taro outside every page, so the page's `lj-elder` class cannot reach
 * it: the switch is mirrored as `lj-elder-root` on <html> (styles in app.scss). The mini-program's
 * tab bar is WeChat's own and follows the system font setting instead.
 */
function markRoot(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.classList.toggle('lj-elder-root', enabled);
}

export function loadElderMode(): boolean {
  try {
    enabled = Taro.getStorageSync(STORAGE_KEY) === '1';
  } catch {
    enabled = false; // storage unavailable: default to normal mode, never block the app
  }
  markRoot();
  listeners.forEach((l) => l());
  return enabled;
}

export function setElderMode(on: boolean): void {
  enabled = on;
  try {
    Taro.setStorageSync(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // the switch still works for this run; persistence is best effort
  }
  markRoot();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => enabled,
    () => enabled,
  );
  return [value, setElderMode];
}
