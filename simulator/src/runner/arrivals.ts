/**
 * Arrival times of a population between `start` and `end` (Unix ms), by inverse-CDF sampling of
 * stratified uniforms: deterministic for the stream, sorted, and close to the curve even for small
 * counts.
 * - uniform: flat;
 * - ramp: density rising linearly from nothing at `start` to its peak at `end`;
 * - burst: a sharp onset at `start`, then exponential decay (≈ 63 % in the first fifth);
 * - bell: a day's hump, sin-shaped, peaking half-way.
 */
import type { Rng } from '../random';
import type { ArrivalShape } from '../scenario/schema';

const BURST_TAU = 0.2;

const INVERSE_CDF: Record<ArrivalShape, (u: number) => number> = {
  uniform: (u) => u,
  ramp: (u) => Math.sqrt(u),
  burst: (u) => -BURST_TAU * Math.log(1 - u * (1 - Math.exp(-1 / BURST_TAU))),
  bell: (u) => Math.acos(1 - 2 * u) / Math.PI,
};

export function arrivalTimes(count: number, start: number, end: number, shape: ArrivalShape, rng: Rng): number[] {
  const span = end - start;
  const f = INVERSE_CDF[shape];
  return Array.from({ length: count }, (_, i) => start + Math.round(f((i + rng.unit()) / count) * span));
}
