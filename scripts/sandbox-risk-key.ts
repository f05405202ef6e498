/**
 * Makes sure the sandbox bank's risk key exists (.data/risk-keys.json, git-ignored) before an app
 * build, so the build can bake in its public key. The server reads the same file. A bank sets
 * TARO_APP_RISK_PUBLIC_KEY and TARO_APP_RISK_KEY_ID instead, and the server's RISK_KEYS.
 */
import path from 'node:path';
import { loadRiskKeys } from '../server/src/risk/keys';

export const SANDBOX_KEY_FILE = path.resolve(__dirname, '../.data/risk-keys.json');

if (require.main === module) {
  const [key] = loadRiskKeys(SANDBOX_KEY_FILE, {} as NodeJS.ProcessEnv); // the sandbox file, whatever RISK_KEYS says
  console.log(`sandbox risk key ${key.keyId} in ${path.relative(process.cwd(), SANDBOX_KEY_FILE)}`);
}
