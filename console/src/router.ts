import { useEffect, useState } from 'react';

/**
 * The console's own tiny router (history API under /console/): a path, navigation, and pattern
 * matching — enough for eight pages without another dependency.
 */
export const BASE = '/console';
const listeners = new Set<() => void>();

/** The path below /console, e.g. `/decisions/0193…`. */
export function currentPath(): string {
  const p = window.location.pathname;
  const rest = p.startsWith(BASE) ? p.slice(BASE.length) : p;
  return rest === '' || rest === '/' ? '/' : rest.replace(/\/+$/, '');
}

export function navigate(to: string, replace = false): void {
  const url = BASE + to;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const fn of listeners) fn();
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** `/decisions/:id` against `/decisions/abc` → `{id: 'abc'}`; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) out[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return out;
}

/** Props for an anchor that navigates inside the console (a real href: middle-click opens a tab). */
export function linkProps(to: string) {
  return {
    href: BASE + to,
    onClick: (e: { preventDefault(): void; metaKey?: boolean; ctrlKey?: boolean }) => {
      if (e.metaKey || e.ctrlKey) return;
      e.preventDefault();
      navigate(to);
    },
  };
}
