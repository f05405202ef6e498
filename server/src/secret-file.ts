import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A sandbox secret: the environment's value when set (production), otherwise one generated once
 * into `file` (under the git-ignored .data/, owner-only), so a restart keeps the same secret.
 */
export function loadSecret(file: string, fromEnv: string | undefined, bytes = 32): string {
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(bytes).toString('base64url') + '\n', { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
