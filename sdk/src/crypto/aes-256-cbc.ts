/**
 * AES-256-CBC with PKCS#7 padding via crypto-js, always with an explicit 32-byte key and 16-byte IV.
 * Passing a string key to crypto-js switches it to OpenSSL passphrase mode (MD5-based EVP_BytesToKey
 * and a random salt) which is weak and not interoperable; taking only `Uint8Array`s rules that out.
 */
import AES from 'crypto-js/aes';
import CryptoJS from 'crypto-js/core';
import { bytesToWordArray, wordArrayToBytes, type WordArray } from './word-array';
import { stripPkcs7 } from './pkcs7';

export { stripPkcs7 };

/** crypto-js's own NoPadding lives in a separate module; this inline no-op keeps the bundle small. */
const NO_PADDING = { pad(): void {}, unpad(): void {} } as unknown as typeof CryptoJS.pad.Pkcs7;

function checkKeyIv(key: Uint8Array, iv: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== 32) throw new TypeError('aes-256-cbc: key must be 32 bytes');
  if (!(iv instanceof Uint8Array) || iv.length !== 16) throw new TypeError('aes-256-cbc: iv must be 16 bytes');
}

type CipherConfig = { iv: WordArray; mode: typeof CryptoJS.mode.CBC; padding: typeof CryptoJS.pad.Pkcs7 };
/** crypto-js's AES cipher (registered by the `crypto-js/aes` import above), constructed directly. */
const AesCipher = CryptoJS.algo.AES as unknown as {
  _ENC_XFORM_MODE: number;
  init: new (mode: number, key: WordArray, cfg: CipherConfig) => { finalize(data: WordArray): WordArray };
};

export function aes256CbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkKeyIv(key, iv);
  // `new AES.init(…)` is what `AES.createEncryptor` does minus deriving a fresh subtype per call (the
  // same per-object cost `new WordArray.init` avoids), and the `AES.encrypt` helper adds a derived
  // config and a CipherParams wrapper on top: on a 2 KB seal that overhead was a tenth of the time.
  const encryptor = new AesCipher.init(AesCipher._ENC_XFORM_MODE, bytesToWordArray(key), {
    iv: bytesToWordArray(iv),
    mode: CryptoJS.mode.CBC,
    padding: CryptoJS.pad.Pkcs7,
  });
  return wordArrayToBytes(encryptor.finalize(bytesToWordArray(plaintext)));
}

/** Throws on a wrong length or invalid padding (only reachable after the MAC has been checked). */
export function aes256CbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkKeyIv(key, iv);
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0)
    throw new TypeError('aes-256-cbc: bad ciphertext length');
  const params = CryptoJS.lib.CipherParams.create({ ciphertext: bytesToWordArray(ciphertext) });
  // crypto-js does not validate PKCS#7 padding, so strip it ourselves and check every pad byte.
  const padded = wordArrayToBytes(
    AES.decrypt(params, bytesToWordArray(key), {
      iv: bytesToWordArray(iv),
      mode: CryptoJS.mode.CBC,
      padding: NO_PADDING,
    }),
  );
  return stripPkcs7(padded, 'aes-256-cbc');
}
