/**
 * Seeded randomness for the simulator: every draw comes from the SDK's splitmix32 generator, so a
 * run is replayed bit for bit from `--seed`. Streams are forked by label (`rng.fork('device')`),
 * which keeps one part of a run stable when another part draws more or fewer numbers.
 */
import { createSeededPrng } from '@lingjie/risk-sdk/virtual';

/** FNV-1a over the label, mixed with the parent seed: a child seed per name. */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // One splitmix round so nearby labels land far apart.
  return createSeededPrng(h)() >>> 0;
}

export interface Rng {
  readonly seed: number;
  /** Uniform [0, 1). */
  unit(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform real in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and shape σ (CV = sqrt(exp(σ²) − 1)). */
  logNormal(median: number, sigma: number): number;
  /** An independent stream named by `label`. */
  fork(label: string): Rng;
}

export function createRng(seed: number): Rng {
  const next = createSeededPrng(seed);
  const unit = () => next() / 4294967296;
  const rng: Rng = {
    seed,
    unit,
    int: (min, max) => min + Math.floor(unit() * (max - min + 1)),
    between: (min, max) => min + unit() * (max - min),
    chance: (p) => unit() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(unit() * items.length)];
    },
    normal: () => Math.sqrt(-2 * Math.log(1 - unit())) * Math.cos(2 * Math.PI * unit()),
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    fork: (label) => createRng(deriveSeed(seed, label)),
  };
  return rng;
}
