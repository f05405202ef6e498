/**
 * The byte/text conversions the verifier does per token. The default is the platform-neutral JS
 * implementation; the Node server swaps in native ones (Buffer, TextDecoder) for throughput. Every
 * implementation must be exactly as strict as the default (canonical base64url, fatal UTF-8).
 */
import { base64UrlDecode } from '../crypto/base64url';
import { asciiBytes, utf8Decode } from '../crypto/bytes';

export interface BinaryCodec {
  /** Strict canonical unpadded base64url; throws otherwise. */
  base64UrlDecode(text: string): Uint8Array;
  /** Strict UTF-8; throws on malformed input. */
  utf8Decode(bytes: Uint8Array): string;
  /** ASCII text to bytes; throws on non-ASCII. */
  asciiBytes(text: string): Uint8Array;
}

export const jsCodec: BinaryCodec = { base64UrlDecode, utf8Decode, asciiBytes };
