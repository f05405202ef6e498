import fc from 'fast-check';
import { nodeCodec } from './node-codec';
import { jsCodec } from '../protocol/codec';

const outcome = (fn: () => Uint8Array | string) => {
  try {
    const v = fn();
    return typeof v === 'string' ? v : Buffer.from(v).toString('hex');
  } catch {
    return 'THROWS';
  }
};

describe('nodeCodec is exactly as strict as the JS codec', () => {
  it('base64url: same result or same refusal on arbitrary and near-valid input', () => {
    const b64ish = fc.stringOf(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .'.split('')),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          b64ish,
          fc.uint8Array().map((b) => Buffer.from(b).toString('base64url')),
        ),
        (s) => {
          expect(outcome(() => nodeCodec.base64UrlDecode(s))).toBe(outcome(() => jsCodec.base64UrlDecode(s)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('UTF-8: same result or same refusal on arbitrary bytes and valid text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 12 }),
          fc.fullUnicodeString().map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
        ),
        (b) => {
          expect(outcome(() => nodeCodec.utf8Decode(b))).toBe(outcome(() => jsCodec.utf8Decode(b)));
        },
      ),
      { numRuns: 2000 },
    );
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x41);
    expect(nodeCodec.utf8Decode(bom)).toBe(jsCodec.utf8Decode(bom)); // BOM kept, not stripped
  });

  it('ASCII', () => {
    for (const s of ['abc.DEF-_', 'é', ''])
      expect(outcome(() => nodeCodec.asciiBytes(s))).toBe(outcome(() => jsCodec.asciiBytes(s)));
  });
});
