import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { RiskKey } from './sdk-gate';

const PREFIX = 'gcm1.';

/**
 * Session MAC/encryption keys are secrets: in SQL they are sealed with AES-256-GCM under a key
 * derived (HKDF-SHA256) from the server private key the session was made with, bound to the session
 * id. A database dump alone cannot forge tokens; retiring a server key retires its sessions' rows too.
 */
export function atRestKeys(keys: RiskKey[]): (keyId: string) => Buffer | null {
  const map = new Map(
    keys.map((k) => [
      k.keyId,
      Buffer.from(hkdfSync('sha256', Buffer.from(k.privateKey, 'base64url'), 'lingjie', 'risk-store sessions v1', 32)),
    ]),
  );
  return (keyId) => map.get(keyId) ?? null;
}

/**
 * AES-256-GCM with a fresh 96-bit IV; `context` is authenticated (not encrypted) associated data
 * binding the ciphertext to where it belongs. The one seal for secrets at rest: risk-session keys
 * (context: the session id) and personal data (pii/vault.ts; context: field and row id).
 */
export function sealSecret(key: Buffer, context: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return PREFIX + Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64url');
}

/** The plain secret, or null when it was not sealed for this context with this key. */
export function openSecret(key: Buffer, context: string, sealed: string): string | null {
  if (!sealed.startsWith(PREFIX)) return null;
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (raw.length < 12 + 16) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAAD(Buffer.from(context, 'utf8'));
    d.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
