/**
 * The mini-program build replaces crypto-js's MD5, SHA-1, EvpKDF and Base64 modules with empty
 * ones (config/index.ts: AES loads them only for password-based encryption and OpenSSL-format
 * strings). This proves the SDK's sealing never needs them: with the four modules empty, a client seals telemetry and an action
 * and the Node verifier accepts both, and the AES result is the one the test vectors fix.
 */
jest.mock('crypto-js/md5', () => ({}));
jest.mock('crypto-js/sha1', () => ({}));
jest.mock('crypto-js/evpkdf', () => ({}));
jest.mock('crypto-js/enc-base64', () => ({}));

import CryptoJS from 'crypto-js/core';
import { createHarness, postTo } from '../../server/test-kit';
import { aes256CbcEncrypt } from '../../crypto/aes-256-cbc';

describe('LJR1 sealing without crypto-js MD5, SHA-1, EvpKDF and Base64', () => {
  it('has none of them registered (the stubs are in effect)', () => {
    const { algo, enc } = CryptoJS as unknown as { algo: Record<string, unknown>; enc: Record<string, unknown> };
    expect(enc.Base64).toBeUndefined();
    expect(algo.MD5).toBeUndefined();
    expect(algo.SHA1).toBeUndefined();
    expect(algo.EvpKDF).toBeUndefined();
    expect(algo.AES).toBeDefined();
  });

  it('seals telemetry and an action token that the verifier accepts', async () => {
    const h = createHarness();
    const c = h.newClient();
    const body = { amount: '50000.00', termMonths: 12 };
    const telemetry = await c.seal('telemetry', null, { events: [{ id: 'e1', type: 'app.show' }] });
    const action = await c.seal('action', 'loan.apply', { signals: {} }, postTo(body));
    expect((await h.server.verify(telemetry, { expectKind: 'telemetry' })).ok).toBe(true);
    const r = await h.server.verify(action, { request: postTo(body), expectAction: 'loan.apply' });
    expect(r.ok).toBe(true);
  });

  it('encrypts AES-256-CBC exactly as NIST SP 800-38A F.2.5 says', () => {
    const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
    const key = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    const block = hex('6bc1bee22e409f96e93d7e117393172a');
    const out = aes256CbcEncrypt(key, iv, block);
    expect(Buffer.from(out.slice(0, 16)).toString('hex')).toBe('f58c4c04d6e5f1ba779eabfb5f7bfbd6');
  });
});
