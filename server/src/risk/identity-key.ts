import { randomBytes } from 'node:crypto';
import { loadSecret } from '../secret-file';

/** The engine refuses shorter keys (HMAC-SHA256 over identities, IPs and devices). */
const MIN_LENGTH = 16;

/**
 * The risk engine's identity key: `RISK_IDENTITY_KEY` in production, otherwise generated once into
 * `file` like the protocol keys (keys.ts). Every stored identity, IP and device hash depends on it,
 * so it must stay the same across restarts and across instances sharing a database.
 */
export function loadIdentityKey(file: string, env = process.env): string {
  const key = loadSecret(file, env.RISK_IDENTITY_KEY);
  if (key.length < MIN_LENGTH) throw new Error(`RISK_IDENTITY_KEY must be at least ${MIN_LENGTH} characters`);
  return key;
}

/**
 * buildApp without a configured key (a script, a benchmark): a key for this process only. Hashes
 * then do not match those of another process, so velocity and device history start empty.
 */
export function processIdentityKey(env = process.env): string {
  return env.RISK_IDENTITY_KEY || randomBytes(32).toString('base64url');
}
