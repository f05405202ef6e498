import type { Me } from '../api/types';

/**
 * The staff session in this tab (sessionStorage: a closed tab forgets it; the bank also ends it
 * after 8 hours or 30 idle minutes). Listeners hear sign-in and sign-out.
 */
const KEY = 'lj.console.session';

export interface StaffSession {
  token: string;
  expiresAt: string;
  staff: Me;
}

type Listener = (s: StaffSession | null) => void;
const listeners = new Set<Listener>();

export function currentSession(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StaffSession) : null;
  } catch {
    return null;
  }
}

export function setSession(s: StaffSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
  for (const fn of listeners) fn(s);
}

export function onSessionChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function can(permission: string): boolean {
  return currentSession()?.staff.permissions.includes(permission) ?? false;
}
