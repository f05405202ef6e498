import { canonicalJson } from './canonical-json';
import { bizHash, canonicalRequest } from './biz-hash';
import { createHash } from 'node:crypto';

/** Builds a double from its IEEE-754 bit pattern, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

describe('RFC 8785 canonical JSON', () => {
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B number %s → %s', (bits, text) => {
    expect(canonicalJson(fromBits(bits))).toBe(text);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
    'Appendix B: %s (NaN/Infinity) is rejected',
    (bits) => {
      expect(() => canonicalJson(fromBits(bits))).toThrow(/NaN and Infinity/);
    },
  );

  it('§3.2.2 example: numbers, string escapes, literals', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.3 example: property sorting by UTF-16 code units', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",' +
        '"1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    const keys = Object.keys(JSON.parse(canonicalJson(input)));
    // JSON.parse re-orders integer-like keys, so check the raw text order instead.
    expect(keys).toHaveLength(7);
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('nested structures, JSON.stringify semantics for undefined, toJSON', () => {
    expect(canonicalJson({ b: [1, undefined, { d: 1, c: 2 }], a: undefined, z: new Date(0) })).toBe(
      '{"b":[1,null,{"c":2,"d":1}],"z":"1970-01-01T00:00:00.000Z"}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('rejects non-JSON values', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const bad of [undefined, () => 1, BigInt(1), circular, { s: '\udc00x' }, ['\ud800'], NaN]) {
      expect(() => canonicalJson(bad)).toThrow();
    }
  });

  it('bizHash = base64url(SHA-256(METHOD \\n path \\n canonical JSON)): key-order independent, bound to method and path', () => {
    const body = { amount: '50000.00', term: 12, uscc: '91310000MA1FL4XXXX' };
    const req = { method: 'POST', path: '/api/loans/L-A/repay', body };
    const expected = createHash('sha256')
      .update('POST\n/api/loans/L-A/repay\n{"amount":"50000.00","term":12,"uscc":"91310000MA1FL4XXXX"}')
      .digest('base64url');
    expect(bizHash(req)).toBe(expected);
    expect(bizHash({ ...req, body: { uscc: '91310000MA1FL4XXXX', term: 12, amount: '50000.00' } })).toBe(expected);
    expect(bizHash({ ...req, body: { ...body, amount: '50001.00' } })).not.toBe(expected);
    expect(bizHash({ ...req, path: '/api/loans/L-B/repay' })).not.toBe(expected);
    expect(bizHash({ ...req, method: 'PUT' })).not.toBe(expected);
    // No body is not the empty object.
    expect(canonicalRequest({ method: 'POST', path: '/api/x' })).toBe('POST\n/api/x\n');
    expect(canonicalRequest({ method: 'POST', path: '/api/x', body: {} })).toBe('POST\n/api/x\n{}');
  });

  it('refuses a method or path that could make the canonical request ambiguous', () => {
    const ok = { method: 'POST', path: '/api/x', body: {} };
    for (const bad of [
      { ...ok, method: 'post' },
      { ...ok, method: 'PO\nST' },
      { ...ok, method: '' },
      { ...ok, path: 'api/x' },
      { ...ok, path: '/api/x?loan=B' },
      { ...ok, path: '/api/x#frag' },
      { ...ok, path: '/api/x\n/y' },
      { ...ok, path: '/api/x y' },
      { ...ok, path: '/api/贷款' },
      { ...ok, path: 'https://bank.example.com/api/x' },
      { ...ok, path: '/' + 'a'.repeat(2048) },
    ])
      expect(() => canonicalRequest(bad)).toThrow(TypeError);
    expect(() => bizHash({ ...ok, path: '/' + 'a'.repeat(2047) })).not.toThrow();
  });
});
