/**
 * Poisson upper tail P(X ≥ k | λ): the chance that a channel whose applications arrive at its usual
 * rate λ per window would show k or more in one window by luck. Applications from many independent
 * owners are well modelled as Poisson arrivals; a gang is not independent, which is what the test
 * finds. Above the mean it sums the tail itself in log space (no 1 − CDF cancellation), so p-values
 * down to 1e-300 stay accurate.
 */
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (!(lambda > 0)) return 0; // nothing expected, something seen
  if (k <= lambda) {
    // At or below the mean the tail is ≥ ~0.5: 1 − (lower sum) loses nothing that matters here.
    let term = Math.exp(-lambda);
    let lower = 0;
    for (let i = 0; i < k; i++) {
      lower += term;
      term *= lambda / (i + 1);
    }
    return Math.max(0, Math.min(1, 1 - lower));
  }
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  // Terms fall geometrically past the mean (ratio λ/(i+1) < 1): stop when they no longer matter.
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-15) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}
