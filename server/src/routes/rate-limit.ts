import type { FastifyRequest } from 'fastify';

/**
 * Per-route rate-limit config: `max` requests a minute per user when signed in, else per IP. Runs
 * as a preHandler so the bearer session (and thus the user) is already known.
 */
export function perMinute(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      keyGenerator: (req: FastifyRequest) => (req.userId ? `u:${req.userId}` : `ip:${req.ip}`),
    },
  };
}
