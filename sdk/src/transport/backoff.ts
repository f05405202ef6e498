/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is random, so a fleet of
 * phones that lost the network together does not come back in lockstep. The random fraction comes
 * from the CSPRNG pool (never the Math RNG: nothing in the SDK is allowed to touch it).
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random01: number): number {
  const exp = Math.min(maxMs, baseMs * Math.pow(2, Math.max(0, attempt - 1)));
  return Math.round(exp / 2 + (exp / 2) * random01);
}

/** A uniform number in [0, 1) from 4 random bytes. */
export function bytesToUnit(b: Uint8Array): number {
  return (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) / 4294967296;
}
