import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

// Builds tampered tokens for the reason-code tests, per sdk/PROTOCOL.md:
// b64url(header).b64url(iv).b64url(ciphertext).b64url(mac), header = canonical JSON (sorted keys).
const b64 = (b: Buffer) => b.toString('base64url');

export function decodeHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
}

function canonical(h: Record<string, unknown>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(h)
        .sort()
        .map((k) => [k, h[k]]),
    ),
  );
}

/** Same iv/ciphertext/mac, edited header (so the MAC no longer matches unless checked earlier). */
export function withHeader(token: string, edit: (h: Record<string, unknown>) => void): string {
  const parts = token.split('.');
  const h = decodeHeader(token);
  edit(h);
  parts[0] = b64(Buffer.from(canonical(h), 'utf8'));
  return parts.join('.');
}

/** Flips one character of the MAC part. */
export function withBadMac(token: string): string {
  const parts = token.split('.');
  const mac = Buffer.from(parts[3], 'base64url');
  mac[0] ^= 0xff;
  parts[3] = b64(mac);
  return parts.join('.');
}

/** A correctly MAC'd token (using the session's real keys) whose ciphertext decrypts to garbage. */
export function withGarbagePayload(token: string, keys: { macKey: string; encKey: string }, seq: number): string {
  const h = decodeHeader(token);
  h.seq = seq;
  h.nonce = b64(randomBytes(16));
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', Buffer.from(keys.encKey, 'base64url'), iv);
  const ct = Buffer.concat([c.update('not json at all', 'utf8'), c.final()]);
  const signed = `${b64(Buffer.from(canonical(h), 'utf8'))}.${b64(iv)}.${b64(ct)}`;
  const mac = createHmac('sha256', Buffer.from(keys.macKey, 'base64url')).update(signed, 'ascii').digest();
  return `${signed}.${b64(mac)}`;
}
