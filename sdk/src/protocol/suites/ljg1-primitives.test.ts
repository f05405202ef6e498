/**
 * The 国密 primitives of LJG1 against the published GM/T examples, on both implementations: the
 * client's sm-crypto-v2 suite and the verifier's node:crypto (OpenSSL) suite. Then the two are
 * cross-checked on random inputs (SM2 key agreement, HMAC-SM3, HKDF-SM3, SM4-CBC), and both must
 * refuse the same bad keys and paddings.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { ljg1JsSuite } from './ljg1-js';
import { ljg1NodeSuite } from '../../server/ljg1-node-suite';
import { isSm2PrivateKey } from './ljg1-params';
import { bytesToHex, hexToBytes, utf8Encode } from '../../crypto/bytes';

const SUITES = [
  ['client (sm-crypto-v2)', ljg1JsSuite],
  ['server (node:crypto)', ljg1NodeSuite],
] as const;
const hex = (s: string) => hexToBytes(s.replace(/\s+/g, ''));
const rnd = (n: number) => new Uint8Array(randomBytes(n));

/** SM2 recommended curve, GM/T 0003.5-2012 / GB/T 32918.5-2017: base point G and order n. */
const GX = '32C4AE2C 1F198119 5F990446 6A39C994 8FE30BBF F2660BE1 715A4589 334C74C7';
const GY = 'BC3736A2 F4F6779C 59BDCEE3 6B692153 D0A9877C C62A4740 02DF32E5 2139F0A0';
const N = 'FFFFFFFE FFFFFFFF FFFFFFFF FFFFFFFF 7203DF6B 21C6052B 53BBF409 39D54123';
const P = 'FFFFFFFE FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF 00000000 FFFFFFFF FFFFFFFF';

function sm2Key(): Uint8Array {
  for (;;) {
    const d = rnd(32);
    if (isSm2PrivateKey(d)) return d;
  }
}

describe.each(SUITES)('LJG1 primitives: %s', (_, suite) => {
  it('SM3 reproduces both GM/T 0004-2012 examples', () => {
    expect(bytesToHex(suite.hash(utf8Encode('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(bytesToHex(suite.hash(utf8Encode('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('SM4 reproduces the GM/T 0002-2012 example (first CBC block under a zero IV is the ECB block)', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    const ct = suite.encrypt(key, new Uint8Array(16), key);
    expect(ct.length).toBe(32); // one data block plus a full PKCS#7 padding block
    expect(bytesToHex(ct.slice(0, 16))).toBe('681edf34d206965e86b3e94f536e4246');
    expect(bytesToHex(suite.decrypt(key, new Uint8Array(16), ct))).toBe(bytesToHex(key));
  });

  it('SM2 public key of d = 1 is the published base point G, uncompressed', () => {
    const one = new Uint8Array(32);
    one[31] = 1;
    expect(bytesToHex(suite.publicKeyFromPrivate(one))).toBe(('04' + GX + GY).replace(/\s+/g, '').toLowerCase());
  });

  it('refuses private keys outside [1, n-2]', () => {
    const n = hex(N);
    const nMinus1 = Uint8Array.from(n);
    nMinus1[31] -= 1;
    for (const bad of [new Uint8Array(32), n, nMinus1, rnd(31)])
      expect(() => suite.publicKeyFromPrivate(bad)).toThrow(/private key/);
  });

  it('refuses peer keys that are off the curve, compressed, mis-tagged or out of the field', () => {
    const d = sm2Key();
    const good = ljg1NodeSuite.publicKeyFromPrivate(sm2Key());
    const offCurve = Uint8Array.from(good);
    offCurve[64] ^= 1;
    const compressed = Uint8Array.of(2 + (good[64] & 1), ...good.slice(1, 33));
    const hybridTag = Uint8Array.from(good);
    hybridTag[0] = 0x06 + (good[64] & 1);
    const zero = new Uint8Array(65);
    zero[0] = 4;
    // x = p: a coordinate outside the field, which a lenient decoder would reduce to 0.
    const xIsP = Uint8Array.of(4, ...hex(P), ...good.slice(33));
    for (const bad of [offCurve, compressed, hybridTag, zero, xIsP, good.slice(0, 64)])
      expect(() => suite.sharedSecret(d, bad)).toThrow(TypeError);
    expect(suite.sharedSecret(d, good)).toHaveLength(32);
  });

  it('refuses SM4-CBC ciphertexts whose PKCS#7 padding is wrong (pad byte 0, 17, or inconsistent)', () => {
    const key = rnd(16);
    const iv = rnd(16);
    const raw = (plain: Uint8Array) => {
      const c = createCipheriv('sm4-cbc', key, iv).setAutoPadding(false);
      return new Uint8Array(Buffer.concat([c.update(plain), c.final()]));
    };
    const block = (fill: number, last: number) => Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? last : fill));
    for (const bad of [block(0, 0), block(17, 17), block(3, 2).fill(1, 29, 31)])
      expect(() => suite.decrypt(key, iv, raw(bad))).toThrow(/padding|bad decrypt/);
    expect(() => suite.decrypt(key, iv, new Uint8Array(15))).toThrow();
  });
});

describe('LJG1: client and server implementations agree', () => {
  it('SM2 key agreement: both sides of both implementations derive the same secret', () => {
    for (let i = 0; i < 5; i++) {
      const a = sm2Key();
      const b = sm2Key();
      const pubA = ljg1JsSuite.publicKeyFromPrivate(a);
      const pubB = ljg1NodeSuite.publicKeyFromPrivate(b);
      expect(bytesToHex(pubA)).toBe(bytesToHex(ljg1NodeSuite.publicKeyFromPrivate(a)));
      const fromA = ljg1JsSuite.sharedSecret(a, pubB);
      expect(bytesToHex(fromA)).toBe(bytesToHex(ljg1NodeSuite.sharedSecret(b, pubA)));
      expect(bytesToHex(fromA)).toBe(bytesToHex(ljg1NodeSuite.sharedSecret(a, pubB)));
      expect(bytesToHex(fromA)).toBe(bytesToHex(ljg1JsSuite.sharedSecret(b, pubA)));
    }
  });

  it('HMAC-SM3, HKDF-SM3 and SM4-CBC are byte-identical on random inputs of every length class', () => {
    for (const len of [0, 1, 15, 16, 17, 63, 64, 65, 2048]) {
      const data = rnd(len);
      const key = rnd(len % 2 ? 32 : 80); // a key longer than the SM3 block is hashed first
      expect(bytesToHex(ljg1JsSuite.mac(key, data))).toBe(bytesToHex(ljg1NodeSuite.mac(key, data)));
      // OpenSSL caps HKDF info at 1024 bytes; the protocol's info is under 300.
      const [ikm, salt, info] = [rnd(32), rnd(32), data.slice(0, 300)];
      expect(bytesToHex(ljg1JsSuite.kdf(ikm, salt, info, 80))).toBe(bytesToHex(ljg1NodeSuite.kdf(ikm, salt, info, 80)));
      const [k, iv] = [rnd(16), rnd(16)];
      const ct = ljg1JsSuite.encrypt(k, iv, data);
      expect(bytesToHex(ct)).toBe(bytesToHex(ljg1NodeSuite.encrypt(k, iv, data)));
      expect(bytesToHex(ljg1NodeSuite.decrypt(k, iv, ct))).toBe(bytesToHex(data));
      expect(bytesToHex(ljg1JsSuite.decrypt(k, iv, ct))).toBe(bytesToHex(data));
    }
  });

  it('client key generation draws from the given source only, and redraws an out-of-range scalar', () => {
    const n = hex(N);
    const d = sm2Key();
    const draws = [n, d];
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    try {
      const kp = ljg1JsSuite.generateKeyPair!((len) => {
        expect(len).toBe(32);
        return draws.shift()!;
      });
      expect(draws).toHaveLength(0);
      expect(bytesToHex(kp.privateKey)).toBe(bytesToHex(d));
      expect(bytesToHex(kp.publicKey)).toBe(bytesToHex(ljg1NodeSuite.publicKeyFromPrivate(d)));
    } finally {
      spy.mockRestore();
    }
    expect(() => ljg1JsSuite.generateKeyPair!(() => new Uint8Array(32))).toThrow(/out-of-range/);
  });
});
