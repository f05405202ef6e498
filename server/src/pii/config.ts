import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadSecret } from '../secret-file';
import { createPiiVault, KEY_ID, type PiiKey, type PiiVault } from './vault';

type Env = Record<string, string | undefined>;

/** `PII_KEYS`: `keyId:base64key` entries, comma-separated (each key 32 random bytes, base64 or base64url). */
export function parsePiiKeys(text: string): PiiKey[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const keyId = colon > 0 ? entry.slice(0, colon) : '';
      if (!KEY_ID.test(keyId)) throw new Error('PII_KEYS entries are keyId:base64key (key id 1–32 of A–Z a–z 0–9 _ -)');
      return { keyId, key: Buffer.from(entry.slice(colon + 1), 'base64') };
    });
}

function fromEnv(env: Env, fallback: { keys: () => PiiKey[]; indexKey: () => string }): PiiVault {
  const keys = env.PII_KEYS ? parsePiiKeys(env.PII_KEYS) : fallback.keys();
  if (keys.length === 0) throw new Error('PII_KEYS lists no key');
  const indexKey = env.PII_INDEX_KEY || fallback.indexKey();
  return createPiiVault({
    keys,
    // With several keys the write key must be named: guessing one would be a silent rotation.
    writeKeyId: env.PII_WRITE_KEY_ID || (keys.length === 1 ? keys[0].keyId : ''),
    indexKey: Buffer.from(indexKey, 'utf8'),
  });
}

function requireInProduction(env: Env): void {
  if (env.NODE_ENV === 'production' && (!env.PII_KEYS || !env.PII_INDEX_KEY)) {
    throw new Error('PII_KEYS and PII_INDEX_KEY must be set in production (personal data is encrypted at rest)');
  }
}

/**
 * The sandbox's personal-data keys: `PII_KEYS` / `PII_WRITE_KEY_ID` / `PII_INDEX_KEY` when set
 * (required in production), otherwise generated once into `dataDir` (`pii-key`, key id `sandbox`,
 * and `pii-index-key`) like the other sandbox secrets, so a restart reads what it wrote.
 */
export function loadPiiVault(dataDir: string, env: Env = process.env): PiiVault {
  requireInProduction(env);
  return fromEnv(env, {
    keys: () => [{ keyId: 'sandbox', key: Buffer.from(loadSecret(join(dataDir, 'pii-key'), undefined), 'base64url') }],
    indexKey: () => loadSecret(join(dataDir, 'pii-index-key'), undefined),
  });
}

let processVault: PiiVault | undefined;

/**
 * buildApp without a vault (tests, scripts on a fresh in-memory database): the environment's keys,
 * else keys for this process only — the same for every app in the process (the seed's app and the
 * serving app agree), lost at exit, so never for a database that outlives the process.
 */
export function processPiiVault(env: Env = process.env): PiiVault {
  requireInProduction(env);
  if (env.PII_KEYS) return fromEnv(env, { keys: () => [], indexKey: () => '' });
  processVault ??= createPiiVault({
    keys: [{ keyId: 'process', key: randomBytes(32) }],
    writeKeyId: 'process',
    indexKey: randomBytes(32),
  });
  return processVault;
}
