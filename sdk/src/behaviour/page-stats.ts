import { createWelford, pushWelford, summarise, type Welford, type WelfordSummary } from './welford';

/** Bounds: distinct page routes tracked, and the length of the navigation ring. */
export const MAX_PAGES = 32;
export const NAV_RING = 16;
export const OTHER_PAGE = '~other';

export interface PageStats {
  names: string[];
  index: Map<string, number>;
  dwellByPage: Float64Array;
  dwell: Welford;
  ring: Uint8Array;
  ringCount: number;
  views: number;
  current: number;
  shownAt: number;
}

export function createPageStats(): PageStats {
  return {
    names: [],
    index: new Map(),
    dwellByPage: new Float64Array(MAX_PAGES),
    dwell: createWelford(),
    ring: new Uint8Array(NAV_RING),
    ringCount: 0,
    views: 0,
    current: -1,
    shownAt: -1,
  };
}

/**
 * Routes only, without query strings (which could carry user data), interned into a fixed table;
 * the last slot is shared by every route beyond the bound.
 */
function intern(p: PageStats, route: string): number {
  const q = route.indexOf('?');
  const name = q >= 0 ? route.slice(0, q) : route;
  const hit = p.index.get(name);
  if (hit !== undefined) return hit;
  if (p.names.length < MAX_PAGES - 1) {
    p.names.push(name);
    p.index.set(name, p.names.length - 1);
    return p.names.length - 1;
  }
  if (p.names.length === MAX_PAGES - 1) p.names.push(OTHER_PAGE);
  return MAX_PAGES - 1;
}

export function pageShow(p: PageStats, route: string, at: number): void {
  if (p.current >= 0) pageHide(p, at);
  const i = intern(p, route);
  p.current = i;
  p.shownAt = at;
  p.views++;
  p.ring[p.ringCount % NAV_RING] = i;
  p.ringCount++;
}

export function pageHide(p: PageStats, at: number): void {
  if (p.current < 0) return;
  const d = Math.max(0, at - p.shownAt);
  pushWelford(p.dwell, d);
  p.dwellByPage[p.current] += d;
  p.current = -1;
}

export interface PageSummary {
  views: number;
  dwell: WelfordSummary;
  /** Last NAV_RING routes, oldest first. */
  sequence: string[];
  dwellByPage: Record<string, number>;
}

export function summarisePages(p: PageStats, now: number): PageSummary {
  const sequence: string[] = [];
  const start = Math.max(0, p.ringCount - NAV_RING);
  for (let k = start; k < p.ringCount; k++) sequence.push(p.names[p.ring[k % NAV_RING]]);
  const dwellByPage: Record<string, number> = {};
  for (let i = 0; i < p.names.length; i++) {
    const open = i === p.current ? Math.max(0, now - p.shownAt) : 0;
    dwellByPage[p.names[i]] = Math.round(p.dwellByPage[i] + open);
  }
  return { views: p.views, dwell: summarise(p.dwell), sequence, dwellByPage };
}
