import { createHash, randomBytes } from 'node:crypto';

// Opaque, unguessable ids (never sequential) so one user cannot enumerate another's records.
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export const ID_PATTERN = '^[a-z]{2,4}_[A-Za-z0-9_-]{16}$';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A random decimal code of the given length from the CSPRNG (SMS codes). */
export function randomDigits(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 250 is the largest multiple of 10 below 256: rejecting bytes above it keeps the digits uniform.
  for (let i = 0; out.length < length; i++) {
    const b = i < bytes.length ? bytes[i] : randomBytes(1)[0];
    if (b < 250) out += String(b % 10);
  }
  return out;
}
