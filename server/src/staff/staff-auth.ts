import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { loadSecret } from '../secret-file';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who called a staff route: `staff:<first 8 hex of the key's SHA-256>` (never the key). */
    staffActor?: string;
  }
}

/**
 * Staff API keys: `STAFF_API_KEY` (comma-separated for several, e.g. during rotation) in production,
 * otherwise one generated once into `file` (.data/staff-key) and printed by `npm start`.
 */
export function loadStaffKeys(file: string, env = process.env): string[] {
  return parseStaffKeys(loadSecret(file, env.STAFF_API_KEY));
}

/** `a,b` → ['a', 'b'] (several keys during a rotation). */
export function parseStaffKeys(value: string): string[] {
  return value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * onRequest hook for staff routes: the `X-Staff-Key` header must equal one of the keys. Both sides are
 * hashed first so the comparison is constant-time whatever the lengths, and every key is compared
 * (no early exit that would tell which one came close). No keys configured → every call is refused.
 */
export function staffAuthenticator(keys: readonly string[]) {
  const known = keys.filter((k) => k.length > 0).map(digest);
  return async (request: FastifyRequest): Promise<void> => {
    const given = request.headers['x-staff-key'];
    if (typeof given !== 'string' || given.length === 0 || given.length > 256) {
      throw new AppError(401, 'STAFF_UNAUTHORIZED', '需要有效的员工凭证（X-Staff-Key）');
    }
    const d = digest(given);
    let match = false;
    for (const k of known) match = timingSafeEqual(k, d) || match;
    if (!match) throw new AppError(401, 'STAFF_UNAUTHORIZED', '需要有效的员工凭证（X-Staff-Key）');
    request.staffActor = `staff:${d.toString('hex').slice(0, 8)}`;
  };
}
