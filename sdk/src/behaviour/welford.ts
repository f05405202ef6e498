/**
 * Running mean/variance/min/max in O(1) memory (Welford's algorithm): the whole point is that the
 * device never keeps a list of timings, only these five numbers per statistic.
 */
export interface Welford {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export function createWelford(): Welford {
  return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

export function pushWelford(w: Welford, x: number): void {
  w.n++;
  const d = x - w.mean;
  w.mean += d / w.n;
  w.m2 += d * (x - w.mean);
  if (x < w.min) w.min = x;
  if (x > w.max) w.max = x;
}

export function resetWelford(w: Welford): void {
  w.n = 0;
  w.mean = 0;
  w.m2 = 0;
  w.min = Infinity;
  w.max = -Infinity;
}

export interface WelfordSummary {
  n: number;
  mean: number;
  /** Population standard deviation; 0 for fewer than two samples. */
  std: number;
  min: number;
  max: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function summarise(w: Welford): WelfordSummary {
  if (w.n === 0) return { n: 0, mean: 0, std: 0, min: 0, max: 0 };
  return {
    n: w.n,
    mean: round3(w.mean),
    std: round3(w.n > 1 ? Math.sqrt(w.m2 / w.n) : 0),
    min: round3(w.min),
    max: round3(w.max),
  };
}
