import { randomBytes } from 'node:crypto';
import { loadPiiVault, parsePiiKeys, processPiiVault } from './config';
import { createPiiVault, type PiiKey } from './vault';

const k1: PiiKey = { keyId: 'k1', key: randomBytes(32) };
const k2: PiiKey = { keyId: 'k2', key: randomBytes(32) };
const indexKey = randomBytes(32);
const ID = '110105198506150014';

describe('PII vault (AES-256-GCM by key id + HMAC blind index)', () => {
  const v1 = createPiiVault({ keys: [k1], writeKeyId: 'k1', indexKey });

  test('seals with the key id in clear and no digit of the value; opens only for the same field and row', () => {
    const sealed = v1.seal('resident_id', 'usr_a', ID);
    expect(sealed.startsWith('k1.gcm1.')).toBe(true);
    expect(sealed).not.toContain(ID.slice(0, 6));
    expect(v1.open('resident_id', 'usr_a', sealed)).toBe(ID);
    expect(v1.seal('resident_id', 'usr_a', ID)).not.toBe(sealed); // fresh IV each time
    expect(() => v1.open('resident_id', 'usr_b', sealed)).toThrow(/cannot be opened/);
    expect(() => v1.open('phone', 'usr_a', sealed)).toThrow(/cannot be opened/);
    const body = sealed.slice(-10);
    const flipped = sealed.slice(0, -10) + (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
    expect(() => v1.open('resident_id', 'usr_a', flipped)).toThrow(/cannot be opened/);
    // The error names field and key, never the value.
    expect(() => v1.open('resident_id', 'usr_b', sealed)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(ID) }),
    );
  });

  test('the blind index is deterministic, per field, and depends on the index key', () => {
    expect(v1.index('phone', '13800138000')).toBe(v1.index('phone', '13800138000'));
    expect(v1.index('phone', '13800138000')).not.toBe(v1.index('phone', '13800138001'));
    expect(v1.index('phone', '13800138000')).not.toBe(v1.index('account_no', '13800138000'));
    const other = createPiiVault({ keys: [k1], writeKeyId: 'k1', indexKey: randomBytes(32) });
    expect(other.index('phone', '13800138000')).not.toBe(v1.index('phone', '13800138000'));
  });

  test('rotation: data written with key 1 reads after key 2 becomes the write key; dropping key 1 too early fails loudly', () => {
    const old = v1.seal('account_no', 'acc_1', '6222021234567890128');
    const v2 = createPiiVault({ keys: [k1, k2], writeKeyId: 'k2', indexKey });
    expect(v2.open('account_no', 'acc_1', old)).toBe('6222021234567890128');
    const fresh = v2.seal('account_no', 'acc_1', '6222021234567890128');
    expect(v2.keyIdOf(fresh)).toBe('k2');
    expect(v2.keyIdOf(old)).toBe('k1');
    expect(v2.index('account_no', '6222021234567890128')).toBe(v1.index('account_no', '6222021234567890128'));
    const only2 = createPiiVault({ keys: [k2], writeKeyId: 'k2', indexKey });
    expect(only2.open('account_no', 'acc_1', fresh)).toBe('6222021234567890128');
    expect(() => only2.open('account_no', 'acc_1', old)).toThrow(/key "k1"/);
  });

  test('configuration is checked: key size, ids, the write key, the index key', () => {
    expect(() => createPiiVault({ keys: [{ keyId: 'k1', key: randomBytes(16) }], writeKeyId: 'k1', indexKey })).toThrow(
      /32 bytes/,
    );
    expect(() => createPiiVault({ keys: [k1], writeKeyId: 'k9', indexKey })).toThrow(/write key/);
    expect(() => createPiiVault({ keys: [k1, k1], writeKeyId: 'k1', indexKey })).toThrow(/twice/);
    expect(() => createPiiVault({ keys: [k1], writeKeyId: 'k1', indexKey: randomBytes(8) })).toThrow(/32 bytes/);
    expect(() => parsePiiKeys('no-colon')).toThrow(/keyId:base64key/);
    expect(parsePiiKeys(`a:${k1.key.toString('base64')}, b:${k2.key.toString('base64url')}`)).toEqual([
      { keyId: 'a', key: k1.key },
      { keyId: 'b', key: k2.key },
    ]);
  });

  test('PII_KEYS / PII_WRITE_KEY_ID / PII_INDEX_KEY; several keys need the write key named; production needs them', () => {
    const keys = `k1:${k1.key.toString('base64')},k2:${k2.key.toString('base64')}`;
    const PII_INDEX_KEY = 'an-index-key-of-at-least-32-characters!';
    expect(() => loadPiiVault('/nonexistent', { PII_KEYS: keys, PII_INDEX_KEY })).toThrow(/write key/);
    const v = loadPiiVault('/nonexistent', { PII_KEYS: keys, PII_WRITE_KEY_ID: 'k2', PII_INDEX_KEY });
    expect(v.writeKeyId).toBe('k2');
    expect(() => loadPiiVault('/nonexistent', { NODE_ENV: 'production' })).toThrow(/must be set in production/);
    expect(() => processPiiVault({ NODE_ENV: 'production', PII_KEYS: keys })).toThrow(/must be set in production/);
    // Without configuration, one vault per process: every app in it reads what another wrote.
    expect(processPiiVault({})).toBe(processPiiVault({}));
  });
});
