/**
 * Pools per-field Welford summaries ({n, mean, std}) into the statistics of all the samples
 * together. Averaging the fields' stds would be wrong twice: it ignores how many samples each
 * field had and it drops the spread *between* the fields' means (a bot that types each field at
 * its own fixed speed is uniform within fields but not across them).
 *
 *   N = Σ nᵢ,  μ = Σ nᵢ μᵢ / N,  σ² = Σ nᵢ (σᵢ² + (μᵢ − μ)²) / N   (population variance, as the SDK's)
 */
import { count, finite, prop, rec } from './read';

export interface MomentSummary {
  n: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
}

/** A WelfordSummary as the SDK sends it, or null when any part is missing or implausible. */
export function readMoments(x: unknown): MomentSummary | null {
  const o = rec(x);
  const n = count(prop(o, 'n'));
  const mean = finite(prop(o, 'mean'));
  const std = count(prop(o, 'std'));
  if (n === null || mean === null || std === null || !Number.isInteger(n)) return null;
  return { n, mean, std };
}

/** Pooled moments; n = 0 (mean and std 0) when no part has samples; null if the sums overflow. */
export function poolMoments(parts: readonly MomentSummary[]): MomentSummary | null {
  let n = 0;
  let sum = 0;
  for (const p of parts) {
    if (p.n === 0) continue;
    n += p.n;
    sum += p.n * p.mean;
  }
  if (n === 0) return { n: 0, mean: 0, std: 0 };
  const mean = sum / n;
  let m2 = 0;
  for (const p of parts) {
    if (p.n === 0) continue;
    const d = p.mean - mean;
    m2 += p.n * (p.std * p.std + d * d);
  }
  const std = Math.sqrt(m2 / n);
  return Number.isFinite(mean) && Number.isFinite(std) ? { n, mean, std } : null;
}
