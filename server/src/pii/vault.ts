import { createHmac } from 'node:crypto';
import { openSecret, sealSecret } from '../risk/at-rest';

/**
 * Personal financial information of class C3 (JR/T 0171-2020) kept by the bank: resident ID
 * numbers, bank card / account numbers and phone numbers used as identifiers. The database holds
 * them only as
 * - a ciphertext `<keyId>.gcm1.<base64url(iv | ct | tag)>`: AES-256-GCM (the shared at-rest seal,
 *   risk/at-rest.ts) under one of several configured keys, the key id in clear so keys rotate, and
 *   `<field>:<row id>` as associated data so a ciphertext copied into another row or column fails;
 * - a blind index: HMAC-SHA256 under a separate key over `<field>` NUL `<value>`, for lookups and
 *   uniqueness (login by phone, one verified resident ID per customer) without decrypting.
 * Resident IDs and phone numbers are low-entropy (a few billion candidates), so an unkeyed hash
 * would be reversed by brute force in minutes; the index key never sits in the database.
 */
export type PiiField = 'phone' | 'resident_id' | 'account_no';

export interface PiiKey {
  keyId: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

export interface PiiVaultConfig {
  /** Every key that may still be read. */
  keys: PiiKey[];
  /** The key new ciphertexts are written with; one of `keys`. */
  writeKeyId: string;
  /** Blind-index key (≥ 32 bytes), separate from the encryption keys. */
  indexKey: Buffer;
}

export interface PiiVault {
  readonly writeKeyId: string;
  seal(field: PiiField, rowId: string, plain: string): string;
  /** The clear value; throws when no configured key opens it (a wrong key or a tampered row). */
  open(field: PiiField, rowId: string, sealed: string): string;
  index(field: PiiField, plain: string): string;
  /** The key id a ciphertext was written with, or null when it is not one of ours. */
  keyIdOf(sealed: string): string | null;
}

export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class PiiUnreadableError extends Error {
  constructor(field: PiiField, keyId: string | null) {
    // Names the field and key only: never the value or the row.
    super(
      `stored ${field} cannot be opened${keyId ? ` with key "${keyId}"` : ''}: key missing from PII_KEYS or data altered`,
    );
  }
}

export function createPiiVault(cfg: PiiVaultConfig): PiiVault {
  const keys = new Map<string, Buffer>();
  for (const k of cfg.keys) {
    if (!KEY_ID.test(k.keyId)) throw new Error(`PII key id "${k.keyId}" must be 1–32 of A–Z a–z 0–9 _ -`);
    if (k.key.length !== 32) throw new Error(`PII key "${k.keyId}" must be 32 bytes (AES-256), got ${k.key.length}`);
    if (keys.has(k.keyId)) throw new Error(`PII key id "${k.keyId}" is listed twice`);
    keys.set(k.keyId, k.key);
  }
  const writeKey = keys.get(cfg.writeKeyId);
  if (!writeKey) throw new Error(`PII write key "${cfg.writeKeyId}" is not among the configured keys`);
  if (cfg.indexKey.length < 32) throw new Error('the PII blind-index key must be at least 32 bytes');
  const aad = (field: PiiField, rowId: string) => `${field}:${rowId}`;
  const keyIdOf = (sealed: string): string | null => {
    const dot = sealed.indexOf('.');
    const id = dot > 0 ? sealed.slice(0, dot) : '';
    return KEY_ID.test(id) ? id : null;
  };
  return {
    writeKeyId: cfg.writeKeyId,
    seal: (field, rowId, plain) => `${cfg.writeKeyId}.${sealSecret(writeKey, aad(field, rowId), plain)}`,
    open(field, rowId, sealed) {
      const keyId = keyIdOf(sealed);
      const key = keyId ? keys.get(keyId) : undefined;
      const plain = key ? openSecret(key, aad(field, rowId), sealed.slice(keyId!.length + 1)) : null;
      if (plain === null) throw new PiiUnreadableError(field, keyId);
      return plain;
    },
    index: (field, plain) => createHmac('sha256', cfg.indexKey).update(`${field}\0${plain}`).digest('base64url'),
    keyIdOf,
  };
}
