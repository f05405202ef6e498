/**
 * A seeded, deterministic byte source (splitmix32) for reproducible tests and simulations.
 * NOT cryptographically secure: it exists so a QA run can be replayed bit for bit. Production
 * platforms use `wx.getRandomValues`, Web Crypto or node:crypto.
 */
export function createSeededPrng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A `fillRandom`-compatible function over the seeded generator. */
export function seededFill(seed: number): (buf: Uint8Array) => void {
  const next = createSeededPrng(seed);
  return (buf) => {
    for (let i = 0; i < buf.length; i += 4) {
      const v = next();
      for (let k = 0; k < 4 && i + k < buf.length; k++) buf[i + k] = (v >>> (k * 8)) & 0xff;
    }
  };
}

/** Uniform [0, 1) from the seeded generator. */
export function seededUnit(seed: number): () => number {
  const next = createSeededPrng(seed);
  return () => next() / 4294967296;
}
