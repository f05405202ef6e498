import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateServerKeyPair } from '@lingjie/risk-sdk/server';
import type { RiskKey } from './sdk-gate';

/**
 * Server risk keys: `RISK_KEYS` (JSON array of {keyId, privateKey, notAfter?}) in production;
 * otherwise a sandbox key generated once into `file` (under the git-ignored .data/), so a restart
 * keeps existing SDK sessions and the app's configured public key valid.
 */
export function loadRiskKeys(file: string, env = process.env): RiskKey[] {
  if (env.RISK_KEYS) {
    const keys = JSON.parse(env.RISK_KEYS) as RiskKey[];
    if (
      !Array.isArray(keys) ||
      !keys.length ||
      keys.some((k) => typeof k.keyId !== 'string' || typeof k.privateKey !== 'string')
    ) {
      throw new Error('RISK_KEYS must be a JSON array of {keyId, privateKey, notAfter?}');
    }
    return keys;
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const k = generateServerKeyPair();
    writeFileSync(
      file,
      JSON.stringify([{ keyId: k.keyId, privateKey: k.privateKey, publicKey: k.publicKey }], null, 2),
      { mode: 0o600 },
    );
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as Array<RiskKey & { publicKey?: string }>).map(
    ({ keyId, privateKey, notAfter }) => ({ keyId, privateKey, notAfter }),
  );
}
