import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUrl, totp, verifyTotp } from './totp';

// RFC 6238 Appendix B: the seeds are the ASCII digits repeated to each hash's key length.
const SEEDS = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: Array<[number, string, string, string]> = [
  // [Unix seconds, SHA1, SHA256, SHA512], 8 digits
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  test.each(VECTORS)('the RFC test vectors at T=%s', (t, sha1, sha256, sha512) => {
    expect(totp(SEEDS.sha1, t * 1000, { digits: 8 })).toBe(sha1);
    expect(totp(SEEDS.sha256, t * 1000, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totp(SEEDS.sha512, t * 1000, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  test('HOTP (RFC 4226 Appendix D) for the first counters', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, i) => hotp(SEEDS.sha1, i))).toEqual(expected);
  });

  test('base32 round-trips and decodes what people type', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(base32Encode(Buffer.from('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq==').toString()).toBe('12345678901234567890');
    expect(() => base32Decode('not base32!')).toThrow('invalid character');
  });

  test('verify accepts one step of drift, refuses older codes and replays', () => {
    const key = SEEDS.sha1;
    const at = 1_111_111_111_000;
    const step = Math.floor(at / 30_000);
    expect(verifyTotp(key, totp(key, at), at)).toBe(step);
    expect(verifyTotp(key, totp(key, at - 30_000), at)).toBe(step - 1);
    expect(verifyTotp(key, totp(key, at + 30_000), at)).toBe(step + 1);
    expect(verifyTotp(key, totp(key, at - 90_000), at)).toBeNull();
    expect(verifyTotp(key, totp(key, at), at, { afterStep: step })).toBeNull();
    expect(verifyTotp(key, '12345', at)).toBeNull();
    expect(verifyTotp(key, 'abcdef', at)).toBeNull();
  });

  test('the otpauth URL names issuer, account and secret', () => {
    const url = otpauthUrl({ issuer: '零接风控', account: 'supervisor', secret: 'ABC' });
    expect(url.startsWith('otpauth://totp/')).toBe(true);
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.pathname)).toContain('零接风控:supervisor');
    expect(parsed.searchParams.get('secret')).toBe('ABC');
    expect(parsed.searchParams.get('period')).toBe('30');
  });
});
