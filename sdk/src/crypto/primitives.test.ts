import { createCipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sha256 } from './sha256';
import { hmacSha256 } from './hmac-sha256';
import { hkdfSha256 } from './hkdf-sha256';
import { aes256CbcDecrypt, aes256CbcEncrypt } from './aes-256-cbc';
import { x25519PublicKey, x25519SharedSecret } from './x25519';
import { bytesToHex, hexToBytes, utf8Decode, utf8Encode } from './bytes';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import { constantTimeEqual } from './constant-time';

const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('SHA-256 / HMAC-SHA256 / HKDF-SHA256 against published vectors', () => {
  it('SHA-256("abc") (FIPS 180-2)', () => {
    expect(bytesToHex(sha256(ascii('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it.each([
    ['0b'.repeat(20), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [
      Buffer.from('Jefe').toString('hex'),
      'what do ya want for nothing?',
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
  ])('HMAC RFC 4231 key %s', (key, data, mac) => {
    expect(bytesToHex(hmacSha256(hexToBytes(key), ascii(data)))).toBe(mac);
  });
  it('HKDF RFC 5869 test case 1', () => {
    const okm = hkdfSha256(
      hexToBytes('0b'.repeat(22)),
      hexToBytes('000102030405060708090a0b0c'),
      hexToBytes('f0f1f2f3f4f5f6f7f8f9'),
      42,
    );
    expect(bytesToHex(okm)).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });
  it('HKDF RFC 5869 test case 3 (empty salt and info)', () => {
    const okm = hkdfSha256(hexToBytes('0b'.repeat(22)), new Uint8Array(0), new Uint8Array(0), 42);
    expect(bytesToHex(okm)).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
  });
  it('HMAC matches node:crypto on random inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (k, d) => {
        expect(bytesToHex(hmacSha256(k, d))).toBe(createHmac('sha256', k).update(d).digest('hex'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('AES-256-CBC', () => {
  const key = hexToBytes('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
  const iv = hexToBytes('000102030405060708090a0b0c0d0e0f');
  it('first block matches NIST SP 800-38A F.2.5', () => {
    const ct = aes256CbcEncrypt(key, iv, hexToBytes('6bc1bee22e409f96e93d7e117393172a'));
    expect(bytesToHex(ct.slice(0, 16))).toBe('f58c4c04d6e5f1ba779eabfb5f7bfbd6');
    expect(ct.length).toBe(32); // PKCS#7 adds a full block
  });
  it('matches node:crypto and round-trips on random inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (pt) => {
        const k = randomBytes(32),
          v = randomBytes(16);
        const ct = aes256CbcEncrypt(k, v, pt);
        const c = createCipheriv('aes-256-cbc', k, v);
        expect(Buffer.from(ct).toString('hex')).toBe(Buffer.concat([c.update(pt), c.final()]).toString('hex'));
        expect(Array.from(aes256CbcDecrypt(k, v, ct))).toEqual(Array.from(pt));
      }),
      { numRuns: 100 },
    );
  });
  it('rejects bad padding, wrong key/IV sizes and string keys', () => {
    const ct = aes256CbcEncrypt(key, iv, ascii('hello'));
    ct[ct.length - 1] ^= 1;
    expect(() => aes256CbcDecrypt(key, iv, ct)).toThrow(/padding/);
    expect(() => aes256CbcEncrypt(key.slice(0, 16), iv, ct)).toThrow(/32 bytes/);
    expect(() => aes256CbcEncrypt(key, iv.slice(1), ct)).toThrow(/16 bytes/);
    expect(() => aes256CbcEncrypt('passphrase' as unknown as Uint8Array, iv, ct)).toThrow(/32 bytes/);
  });
});

describe('X25519 (RFC 7748 §6.1)', () => {
  const alice = hexToBytes('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const bob = hexToBytes('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
  it('derives the published public keys and shared secret', () => {
    expect(bytesToHex(x25519PublicKey(alice))).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(bytesToHex(x25519PublicKey(bob))).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    expect(bytesToHex(x25519SharedSecret(alice, x25519PublicKey(bob)))).toBe(
      '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
    );
  });
  it('agrees with node:crypto (OpenSSL) on random key pairs, both directions', () => {
    const pk8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
    const spki = Buffer.from('302a300506032b656e032100', 'hex');
    const nodePriv = (raw: Uint8Array) =>
      createPrivateKey({ key: Buffer.concat([pk8, raw]), format: 'der', type: 'pkcs8' });
    const nodePub = (raw: Uint8Array) =>
      createPublicKey({ key: Buffer.concat([spki, raw]), format: 'der', type: 'spki' });
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (a, b) => {
          const aPub = x25519PublicKey(a);
          expect(Buffer.from(aPub).toString('hex')).toBe(
            createPublicKey(nodePriv(a)).export({ format: 'der', type: 'spki' }).subarray(12).toString('hex'),
          );
          const shared = x25519SharedSecret(b, aPub);
          expect(Buffer.from(shared).toString('hex')).toBe(
            diffieHellman({ privateKey: nodePriv(a), publicKey: nodePub(x25519PublicKey(b)) }).toString('hex'),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
  it("does not modify the caller's private key bytes (clamping works on a copy)", () => {
    const k = new Uint8Array(32).fill(255);
    x25519PublicKey(k);
    expect(k.every((b) => b === 255)).toBe(true);
  });
  it('rejects a low-order peer key (all-zero shared secret)', () => {
    expect(() => x25519SharedSecret(alice, new Uint8Array(32))).toThrow();
  });
});

describe('base64url, UTF-8, constant-time compare', () => {
  it('base64url matches Buffer and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const s = base64UrlEncode(b);
        expect(s).toBe(Buffer.from(b).toString('base64url'));
        expect(Array.from(base64UrlDecode(s))).toEqual(Array.from(b));
      }),
    );
  });
  it('base64url rejects padding, bad characters, bad lengths and non-canonical trailing bits', () => {
    for (const bad of ['AA==', 'A', 'AB+/', 'AB c', 'AB', 'AAB']) expect(() => base64UrlDecode(bad)).toThrow();
    expect(() => base64UrlDecode('AA')).not.toThrow();
  });
  it('UTF-8 matches Buffer and rejects malformed input', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), (s) => {
        expect(Buffer.from(utf8Encode(s)).toString('hex')).toBe(Buffer.from(s, 'utf8').toString('hex'));
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
    expect(() => utf8Encode('\ud800')).toThrow();
    for (const bad of ['c0af', 'e0808f', 'eda080', 'ff', 'c3', 'f4908080'])
      expect(() => utf8Decode(hexToBytes(bad))).toThrow();
  });
  it('constantTimeEqual', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
  });
});
