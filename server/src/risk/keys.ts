import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_SUITE, LJG1_SUITE, generateServerKeyPair, resolveSuiteName } from '@lingjie/risk-sdk/server';
import type { RiskKey } from './sdk-gate';

const KNOWN_SUITES: readonly string[] = [DEFAULT_SUITE, LJG1_SUITE];

/**
 * Suites the bank accepts: `RISK_SUITES`, comma-separated short or wire names (`LJR1,LJG1`);
 * default LJR1 only. The 国密 suite LJG1 (SM2 + HMAC-SM3 + SM4-CBC) is opt-in.
 */
export function riskSuites(env = process.env): string[] {
  const names = (env.RISK_SUITES ?? 'LJR1')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(resolveSuiteName);
  const unknown = names.filter((n) => !KNOWN_SUITES.includes(n));
  if (!names.length || unknown.length)
    throw new Error(`RISK_SUITES must list LJR1 and/or LJG1 (got ${JSON.stringify(env.RISK_SUITES)})`);
  return [...new Set(names)];
}

const suiteOf = (k: { suite?: string }) => resolveSuiteName(k.suite ?? DEFAULT_SUITE);

/**
 * Server risk keys, one or more per enabled suite (`riskSuites`). The bank accepts exactly the
 * suites it holds keys for (createRiskServer's default allow-list), so this list is the switch.
 * `RISK_KEYS` (JSON array of {keyId, privateKey, suite?, notAfter?}) in production: a key of a suite
 * that RISK_SUITES does not enable, or an enabled suite without a key, is a configuration error.
 * Otherwise sandbox keys generated once per suite into `file` (under the git-ignored .data/), so a
 * restart keeps existing SDK sessions and the app's configured public key valid. The app build bakes
 * in the LJR1 key (scripts/sandbox-risk-key.ts reads this file with the default suites).
 */
export function loadRiskKeys(file: string, env = process.env): RiskKey[] {
  const suites = riskSuites(env);
  if (env.RISK_KEYS) {
    const keys = JSON.parse(env.RISK_KEYS) as RiskKey[];
    if (
      !Array.isArray(keys) ||
      !keys.length ||
      keys.some(
        (k) =>
          typeof k.keyId !== 'string' ||
          typeof k.privateKey !== 'string' ||
          (k.suite !== undefined && typeof k.suite !== 'string'),
      )
    ) {
      throw new Error('RISK_KEYS must be a JSON array of {keyId, privateKey, suite?, notAfter?}');
    }
    const off = keys.filter((k) => !suites.includes(suiteOf(k))).map((k) => k.keyId);
    if (off.length) throw new Error(`RISK_KEYS: keys ${off.join(', ')} belong to a suite RISK_SUITES does not enable`);
    const missing = suites.filter((s) => !keys.some((k) => suiteOf(k) === s));
    if (missing.length) throw new Error(`RISK_KEYS: no key for enabled suite ${missing.join(', ')}`);
    return keys;
  }
  type Stored = RiskKey & { publicKey?: string };
  const stored: Stored[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Stored[]) : [];
  const missing = suites.filter((s) => !stored.some((k) => suiteOf(k) === s));
  if (missing.length) {
    for (const suite of missing) {
      const k = generateServerKeyPair({ suite });
      stored.push({ keyId: k.keyId, suite: k.suite, privateKey: k.privateKey, publicKey: k.publicKey });
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored
    .filter((k) => suites.includes(suiteOf(k)))
    .map(({ keyId, privateKey, notAfter, suite }) => ({
      keyId,
      privateKey,
      ...(notAfter !== undefined ? { notAfter } : {}),
      ...(suite !== undefined ? { suite } : {}),
    }));
}
