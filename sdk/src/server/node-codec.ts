/** Native (Buffer/TextDecoder) implementation of the verifier's codec: same strictness, less JS per byte. */
import type { BinaryCodec } from '../protocol/codec';
import { isCanonicalBase64Url } from '../crypto/base64url';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export const nodeCodec: BinaryCodec = {
  base64UrlDecode(text) {
    // Buffer silently skips bad characters and ignores trailing bits; reject those first.
    if (!isCanonicalBase64Url(text)) throw new TypeError('base64url: not canonical');
    return Buffer.from(text, 'base64url');
  },
  utf8Decode: (bytes) => strictUtf8.decode(bytes),
  asciiBytes(text) {
    if (!ASCII_ONLY.test(text)) throw new TypeError('asciiBytes: non-ASCII character');
    return Buffer.from(text, 'latin1');
  },
};
