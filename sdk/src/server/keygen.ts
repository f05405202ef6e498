/**
 * Generates a server static key pair for the default suite.
 *   npx tsx sdk/src/server/keygen.ts [--kid my-key-id]
 * prints JSON: put `privateKey` in the server's secret store and `keyId` + `publicKey` in the app config.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { DEFAULT_SUITE } from '../protocol/constants';
import { KEY_ID_PATTERN } from '../protocol/handshake';

export interface GeneratedServerKey {
  keyId: string;
  suite: string;
  /** base64url, 32 bytes. Secret. */
  privateKey: string;
  /** base64url, 32 bytes. Goes into the client config. */
  publicKey: string;
  /** Unix ms. */
  createdAt: number;
}

export interface GenerateServerKeyOptions {
  /** Key id; default `ljr1-YYYYMMDD-<8 hex>`. */
  keyId?: string;
  /** Creation time, Unix ms; default now. */
  now?: number;
}

export function generateServerKeyPair(options: GenerateServerKeyOptions = {}): GeneratedServerKey {
  const createdAt = options.now ?? Date.now();
  const keyId =
    options.keyId ??
    `ljr1-${new Date(createdAt).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
  if (!KEY_ID_PATTERN.test(keyId)) throw new TypeError(`invalid key id ${JSON.stringify(keyId)}`);
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const priv = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  return { keyId, suite: DEFAULT_SUITE, privateKey: priv.d as string, publicKey: pub.x as string, createdAt };
}

function main(argv: string[]): void {
  const i = argv.indexOf('--kid');
  const key = generateServerKeyPair(i >= 0 ? { keyId: argv[i + 1] } : {});
  process.stdout.write(JSON.stringify(key, null, 2) + '\n');
}

// Run as a script (tsx, or the package's `lingjie-risk-keygen` bin), not when imported. `typeof module`
// first: in the ES module build `module` does not exist and reading it would throw at import.
if (typeof module !== 'undefined' && typeof require !== 'undefined' && require.main === module)
  main(process.argv.slice(2));
