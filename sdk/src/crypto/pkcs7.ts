/**
 * PKCS#7 unpadding for 16-byte block ciphers (AES, SM4), checked byte by byte: neither crypto-js nor
 * sm-crypto-v2 validates padding fully (sm-crypto-v2 accepts a pad byte of 0 or one above 16).
 * Only reachable after the token MAC has been checked, so the check need not be constant-time.
 */
export function stripPkcs7(padded: Uint8Array, label = 'cbc'): Uint8Array {
  const n = padded[padded.length - 1];
  if (!n || n > 16 || n > padded.length) throw new TypeError(`${label}: bad padding`);
  for (let i = padded.length - n; i < padded.length; i++)
    if (padded[i] !== n) throw new TypeError(`${label}: bad padding`);
  return padded.slice(0, padded.length - n);
}
