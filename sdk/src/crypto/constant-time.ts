/**
 * Comparisons whose running time does not depend on where the inputs first differ, so a MAC or
 * key-confirmation check cannot be turned into a byte-by-byte guessing oracle.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Length is public (MACs have a fixed size per suite); only the contents must not leak.
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Same guarantee for ASCII strings such as base64url-encoded MACs. */
export function constantTimeEqualString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
