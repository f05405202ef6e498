/**
 * Generates a server static key pair, for the default suite (X25519) or the 国密 suite (SM2).
 *   npx tsx sdk/src/server/keygen.ts [--kid my-key-id] [--suite LJG1]
 * prints JSON: put `privateKey` in the server's secret store and `keyId` + `suite` + `publicKey` in the app config.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { DEFAULT_SUITE } from '../protocol/constants';
import { KEY_ID_PATTERN } from '../protocol/handshake';
import { isSm2PrivateKey, LJG1_SUITE } from '../protocol/suites/ljg1-params';
import { base64UrlEncode } from '../crypto/base64url';
import { ljg1NodeSuite } from './ljg1-node-suite';
import { resolveSuiteName } from './key-ring';

export interface GeneratedServerKey {
  keyId: string;
  /** Wire name of the suite the key belongs to. */
  suite: string;
  /** base64url, 32 bytes. Secret. */
  privateKey: string;
  /** base64url (X25519: 32 bytes; SM2: 65 bytes, 0x04 ‖ x ‖ y). Goes into the client config. */
  publicKey: string;
  /** Unix ms. */
  createdAt: number;
}

export interface GenerateServerKeyOptions {
  /** Key id; default `<ljr1|ljg1>-YYYYMMDD-<8 hex>`. */
  keyId?: string;
  /** Creation time, Unix ms; default now. */
  now?: number;
  /** Suite wire name or short name (`LJR1`, `LJG1`). Default LJR1. */
  suite?: string;
}

function sm2KeyPair(): { privateKey: string; publicKey: string } {
  // Rejection sampling from the OS CSPRNG; a draw outside [1, n-2] has probability below 2^-32.
  for (;;) {
    const d = new Uint8Array(randomBytes(32));
    if (isSm2PrivateKey(d))
      return { privateKey: base64UrlEncode(d), publicKey: base64UrlEncode(ljg1NodeSuite.publicKeyFromPrivate(d)) };
  }
}

function x25519KeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return {
    privateKey: privateKey.export({ format: 'jwk' }).d as string,
    publicKey: publicKey.export({ format: 'jwk' }).x as string,
  };
}

export function generateServerKeyPair(options: GenerateServerKeyOptions = {}): GeneratedServerKey {
  const suite = resolveSuiteName(options.suite ?? DEFAULT_SUITE);
  if (suite !== DEFAULT_SUITE && suite !== LJG1_SUITE) throw new TypeError(`keygen: unknown suite ${suite}`);
  const createdAt = options.now ?? Date.now();
  const prefix = suite === LJG1_SUITE ? 'ljg1' : 'ljr1';
  const keyId =
    options.keyId ??
    `${prefix}-${new Date(createdAt).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
  if (!KEY_ID_PATTERN.test(keyId)) throw new TypeError(`invalid key id ${JSON.stringify(keyId)}`);
  const pair = suite === LJG1_SUITE ? sm2KeyPair() : x25519KeyPair();
  return { keyId, suite, ...pair, createdAt };
}

function main(argv: string[]): void {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const key = generateServerKeyPair({ keyId: arg('--kid'), suite: arg('--suite') });
  process.stdout.write(JSON.stringify(key, null, 2) + '\n');
}

// Run as a script (tsx, or the package's `lingjie-risk-keygen` bin), not when imported. `typeof module`
// first: in the ES module build `module` does not exist and reading it would throw at import.
if (typeof module !== 'undefined' && typeof require !== 'undefined' && require.main === module)
  main(process.argv.slice(2));
