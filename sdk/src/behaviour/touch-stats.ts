import { createWelford, pushWelford, summarise, type Welford, type WelfordSummary } from './welford';

/** Coarse grid: 80 CSS px cells, 8 × 16 covers any phone; positions beyond are clamped to the edge. */
export const GRID_CELL_PX = 80;
export const GRID_COLS = 8;
export const GRID_ROWS = 16;

export interface TouchStats {
  count: number;
  moves: number;
  startedAt: number;
  lastStartAt: number;
  tapDuration: Welford;
  interTap: Welford;
  /** Touches whose `force` was reported and non-zero (many Android and all emulators report 0). */
  forceAvailable: number;
  force: Welford;
  grid: Uint32Array;
}

export function createTouchStats(): TouchStats {
  return {
    count: 0,
    moves: 0,
    startedAt: -1,
    lastStartAt: -1,
    tapDuration: createWelford(),
    interTap: createWelford(),
    forceAvailable: 0,
    force: createWelford(),
    grid: new Uint32Array(GRID_COLS * GRID_ROWS),
  };
}

const clampCell = (v: number, max: number) => {
  const c = Math.floor(v / GRID_CELL_PX);
  return c < 0 || c !== c ? 0 : c >= max ? max - 1 : c;
};

export function touchStart(t: TouchStats, x: number, y: number, force: number | undefined, at: number): void {
  t.count++;
  if (t.lastStartAt >= 0) pushWelford(t.interTap, at - t.lastStartAt);
  t.lastStartAt = at;
  t.startedAt = at;
  if (typeof force === 'number' && force > 0) {
    t.forceAvailable++;
    pushWelford(t.force, force);
  }
  t.grid[clampCell(y, GRID_ROWS) * GRID_COLS + clampCell(x, GRID_COLS)]++;
}

export function touchEnd(t: TouchStats, at: number): void {
  if (t.startedAt < 0) return;
  pushWelford(t.tapDuration, at - t.startedAt);
  t.startedAt = -1;
}

/** Shannon entropy (bits) of the touch-position histogram: scripted taps hit the same cell. */
export function gridEntropy(grid: Uint32Array): number {
  let total = 0;
  for (let i = 0; i < grid.length; i++) total += grid[i];
  if (total === 0) return 0;
  let h = 0;
  for (let i = 0; i < grid.length; i++) {
    if (grid[i] === 0) continue;
    const p = grid[i] / total;
    h -= p * Math.log2(p);
  }
  return Math.round(h * 1000) / 1000;
}

export interface TouchSummary {
  count: number;
  moves: number;
  tapDuration: WelfordSummary;
  interTap: WelfordSummary;
  forceAvailable: number;
  force: WelfordSummary;
  positionEntropy: number;
  cellsUsed: number;
}

export function summariseTouch(t: TouchStats): TouchSummary {
  let cells = 0;
  for (let i = 0; i < t.grid.length; i++) if (t.grid[i] > 0) cells++;
  return {
    count: t.count,
    moves: t.moves,
    tapDuration: summarise(t.tapDuration),
    interTap: summarise(t.interTap),
    forceAvailable: t.forceAvailable,
    force: summarise(t.force),
    positionEntropy: gridEntropy(t.grid),
    cellsUsed: cells,
  };
}
