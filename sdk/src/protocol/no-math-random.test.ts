/**
 * `Math.random` must never reach a key, IV, nonce or session id. We replace it with a spy that
 * throws, then make keys, IVs and nonces on both sides and seal tokens.
 */
import { randomFillSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRandomPool } from '../crypto/random-pool';
import { x25519GenerateKeyPair } from '../crypto/x25519';
import { createHarness, postTo } from '../server/test-kit';
import { generateServerKeyPair } from '../server/keygen';

/** Source without comments, so documentation that names the forbidden things does not count. */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('Math.random is never used for secrets', () => {
  it('is not called while keys, IVs, nonces and session ids are made', async () => {
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      const pool = createRandomPool((b) => {
        randomFillSync(b);
      });
      x25519GenerateKeyPair(pool.bytes);
      generateServerKeyPair();
      const h = createHarness();
      const client = h.newClient();
      for (let i = 0; i < 20; i++) {
        const token = await client.seal('action', 'loan.apply', { i }, postTo({ amount: i }));
        expect((await h.server.verify(token, { request: postTo({ amount: i }) })).ok).toBe(true);
      }
      client.reset();
      await client.ensureSession();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('no source file in crypto/, protocol/ or server/ mentions Math.random', () => {
    const offenders: string[] = [];
    for (const dir of ['crypto', 'protocol', 'protocol/suites', 'server']) {
      const abs = path.join(__dirname, '..', dir);
      for (const f of fs.readdirSync(abs)) {
        if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
        if (/Math\s*\.\s*random/.test(code(path.join(abs, f)))) offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('client-side code stays platform-neutral', () => {
  it('crypto/ and protocol/ import no Node built-ins and touch no platform globals', () => {
    const offenders: string[] = [];
    for (const dir of ['crypto', 'protocol', 'protocol/suites']) {
      const abs = path.join(__dirname, '..', dir);
      for (const f of fs.readdirSync(abs)) {
        if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
        const src = code(path.join(abs, f));
        if (/from '(node:|crypto'|fs'|path')|require\(|from '\.\.\/server/.test(src))
          offenders.push(`${dir}/${f}: node import`);
        if (/\b(wx|Taro|window|document|Buffer)\s*\./.test(src)) offenders.push(`${dir}/${f}: platform global`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
