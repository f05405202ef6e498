import { createHash, timingSafeEqual } from 'node:crypto';
import { loadSecret } from '../secret-file';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who called a staff route: `staff:<username>` for a session, `staff:<first 8 hex of the key's SHA-256>` for a key (never the key). */
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
 * Checks an `X-Staff-Key` value against the keys and returns its actor (`staff:<8 hex of its
 * SHA-256>`), or null. Both sides are hashed first so the comparison is constant-time whatever the
 * lengths, and every key is compared (no early exit that would tell which one came close). No keys
 * configured → every value is refused. See principal.ts for the hook that uses it.
 */
export function matchStaffKey(keys: readonly string[]) {
  const known = keys.filter((k) => k.length > 0).map(digest);
  return (given: string): string | null => {
    if (given.length === 0 || given.length > 256) return null;
    const d = digest(given);
    let match = false;
    for (const k of known) match = timingSafeEqual(k, d) || match;
    return match ? `staff:${d.toString('hex').slice(0, 8)}` : null;
  };
}
