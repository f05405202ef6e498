import { randomBytes } from 'node:crypto';
import { createKeyedHash, createUuidv7 } from './keyed-hash';

describe('keyed hashes', () => {
  const h = createKeyedHash('k'.repeat(32));
  it('separates kinds, hides the value, and is stable', () => {
    expect(h('phone', '13800138000')).toBe(h('phone', '13800138000'));
    expect(h('phone', '13800138000')).not.toBe(h('account', '13800138000'));
    expect(h('phone', '13800138000')).not.toContain('138');
    expect(h('phone', '13800138000')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(createKeyedHash('j'.repeat(32))('phone', '13800138000')).not.toBe(h('phone', '13800138000'));
  });
  it('refuses a short key', () => expect(() => createKeyedHash('short')).toThrow(/16 bytes/));
});

describe('uuidv7', () => {
  it('carries the time, version and variant, and sorts in creation order within one millisecond', () => {
    const next = createUuidv7(randomBytes);
    const at = Date.UTC(2026, 11, 1);
    const ids = Array.from({ length: 50 }, (_, i) => next(at + (i < 25 ? 0 : 1)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
    expect(parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    expect(ids[0][14]).toBe('7');
    expect('89ab').toContain(ids[0][19]);
  });
});
