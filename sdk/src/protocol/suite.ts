/**
 * A cipher suite is a named bundle of the algorithms the protocol needs. Protocol code (handshake,
 * token sealing, verification) only ever talks to this interface, so a 国密 suite (SM2 key
 * agreement, HMAC-SM3, SM4-CBC) is added by implementing it and registering it under a new name;
 * no caller changes. The client and the Node verifier register different implementations of the
 * same suite name (crypto-js vs node:crypto); the test vectors keep them byte-identical.
 */
export interface CipherSuite {
  /** Wire name, carried in handshake messages and every token header. */
  readonly name: string;
  /** Key agreement public key length in bytes (32 for X25519). */
  readonly publicKeyLength: number;
  /** MAC output length in bytes (32 for HMAC-SHA256). */
  readonly macLength: number;
  /** Cipher IV length in bytes (16 for AES-CBC). */
  readonly ivLength: number;
  /** Cipher key length in bytes (32 for AES-256). */
  readonly encKeyLength: number;
  /** MAC key length in bytes. */
  readonly macKeyLength: number;
  /** Cipher block size in bytes; ciphertext is a non-zero multiple of it. */
  readonly blockLength: number;

  /** Makes an ephemeral key pair from CSPRNG bytes supplied by `random`. Client side only. */
  generateKeyPair?(random: (n: number) => Uint8Array): { privateKey: Uint8Array; publicKey: Uint8Array };
  /** Derives the public key of a static private key (server key ring, key generation). */
  publicKeyFromPrivate(privateKey: Uint8Array): Uint8Array;
  /** Key agreement; throws on an invalid or low-order peer key. */
  sharedSecret(privateKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array;
  /** The suite's hash (also used for `bizHash`). */
  hash(data: Uint8Array): Uint8Array;
  /** The suite's MAC (also the PRF inside the KDF). */
  mac(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** RFC 5869-style extract-and-expand KDF built on `mac`. */
  kdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  encrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array;
  /** Throws on malformed ciphertext or padding. */
  decrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}

/** A name → suite table. Each side keeps its own so the client never pulls in Node code. */
export interface SuiteRegistry {
  register(suite: CipherSuite): void;
  get(name: string): CipherSuite | undefined;
  names(): string[];
}

export function createSuiteRegistry(initial: CipherSuite[] = []): SuiteRegistry {
  const byName = new Map<string, CipherSuite>();
  const registry: SuiteRegistry = {
    register(suite) {
      if (!/^[A-Z0-9][A-Z0-9-]{2,63}$/.test(suite.name))
        throw new TypeError(`suite name ${JSON.stringify(suite.name)} is not a valid wire name`);
      byName.set(suite.name, suite);
    },
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
  };
  for (const s of initial) registry.register(s);
  return registry;
}
