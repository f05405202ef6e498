/**
 * Byte helpers that work in every runtime the SDK targets. The WeChat mini-program logic layer has
 * neither `Buffer` nor (on older base libraries) `TextEncoder`, so UTF-8 is done by hand here.
 */

/** Encodes a JS string as UTF-8. Lone surrogates are rejected: they cannot be represented and
 * silently replacing them would let two different strings hash to the same bytes. */
export function utf8Encode(text: string): Uint8Array {
  // Sealed payloads are almost all ASCII: one pass, one byte per unit.
  let bytes = new Uint8Array(text.length);
  let any = 0;
  for (let i = 0; i < text.length; i++) any |= bytes[i] = text.charCodeAt(i);
  if (any < 0x80) return bytes;
  // Otherwise the engine's own encoder: encodeURIComponent writes the UTF-8 bytes as %XX escapes
  // (and throws a URIError on a lone surrogate); unescape turns each escape into one char of that value.
  let binary: string;
  try {
    binary = unescape(encodeURIComponent(text));
  } catch {
    throw new TypeError('utf8Encode: lone surrogate');
  }
  bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Strict UTF-8 decoder: throws on any malformed, overlong or surrogate sequence. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b0 = bytes[i];
    let cp: number;
    let need: number;
    let min: number;
    if (b0 < 0x80) {
      cp = b0;
      need = 0;
      min = 0;
    } else if ((b0 & 0xe0) === 0xc0) {
      cp = b0 & 0x1f;
      need = 1;
      min = 0x80;
    } else if ((b0 & 0xf0) === 0xe0) {
      cp = b0 & 0x0f;
      need = 2;
      min = 0x800;
    } else if ((b0 & 0xf8) === 0xf0) {
      cp = b0 & 0x07;
      need = 3;
      min = 0x10000;
    } else throw new TypeError('utf8Decode: invalid lead byte');
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) throw new TypeError('utf8Decode: invalid continuation');
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      throw new TypeError('utf8Decode: invalid code point');
    out +=
      cp < 0x10000
        ? String.fromCharCode(cp)
        : String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    i += need + 1;
  }
  return out;
}

/** ASCII-only encoding for protocol strings (token parts, labels); anything else is a bug. */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) throw new TypeError('asciiBytes: non-ASCII character');
    out[i] = c;
  }
  return out;
}

/** The string of ASCII codes (the inverse of `asciiBytes`), in chunks that stay under argument-count limits. */
export function asciiText(codes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192)
    s += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Unsigned 64-bit big-endian encoding of a non-negative safe integer (timestamps in ms). */
export function u64be(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('u64be: expected a non-negative safe integer');
  const out = new Uint8Array(8);
  const hi = Math.floor(n / 0x100000000);
  const lo = n % 0x100000000;
  out[0] = hi >>> 24;
  out[1] = (hi >>> 16) & 255;
  out[2] = (hi >>> 8) & 255;
  out[3] = hi & 255;
  out[4] = lo >>> 24;
  out[5] = (lo >>> 16) & 255;
  out[6] = (lo >>> 8) & 255;
  out[7] = lo & 255;
  return out;
}

/**
 * Length-prefixed concatenation: each field as a 2-byte big-endian length then its bytes. Used for
 * HKDF info and the key-confirmation transcript so that no two different field lists can produce
 * the same byte string (plain concatenation would be ambiguous).
 */
export function lengthPrefixed(fields: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of fields) {
    if (f.length > 0xffff) throw new RangeError('lengthPrefixed: field longer than 65535 bytes');
    parts.push(Uint8Array.of(f.length >>> 8, f.length & 255), f);
  }
  return concatBytes(...parts);
}

export function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (let i = 0; i < bytes.length; i++) acc |= bytes[i];
  return acc === 0;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return s;
}

export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-fA-F]/.test(hex)) throw new TypeError('hexToBytes: invalid hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
