/**
 * Which protocol suites the bank accepts is configuration: RISK_SUITES picks them (LJR1 by default,
 * the 国密 LJG1 opt-in), the keys follow, and the SDK's server accepts exactly the suites it holds
 * keys for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRiskServer, generateServerKeyPair, LJG1_SUITE, DEFAULT_SUITE } from '@lingjie/risk-sdk/server';
import { loadRiskKeys, riskSuites } from './keys';

const env = (e: Record<string, string>) => e as NodeJS.ProcessEnv;

describe('risk keys and suites from configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'risk-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to LJR1 only; RISK_SUITES takes short or wire names and refuses unknown ones', () => {
    expect(riskSuites(env({}))).toEqual([DEFAULT_SUITE]);
    expect(riskSuites(env({ RISK_SUITES: 'LJR1, LJG1' }))).toEqual([DEFAULT_SUITE, LJG1_SUITE]);
    expect(riskSuites(env({ RISK_SUITES: LJG1_SUITE }))).toEqual([LJG1_SUITE]);
    expect(() => riskSuites(env({ RISK_SUITES: 'LJR1,SM9' }))).toThrow(/RISK_SUITES/);
    expect(() => riskSuites(env({ RISK_SUITES: ' , ' }))).toThrow(/RISK_SUITES/);
  });

  it('sandbox: a key per enabled suite, generated once and kept; the bank accepts exactly those suites', () => {
    const file = join(dir, 'risk-keys.json');
    const ljr1Only = loadRiskKeys(file, env({}));
    expect(ljr1Only).toHaveLength(1);
    expect(
      createRiskServer({ keys: ljr1Only })
        .publicKeys()
        .map((k) => k.suite),
    ).toEqual([DEFAULT_SUITE]);

    const both = loadRiskKeys(file, env({ RISK_SUITES: 'LJR1,LJG1' }));
    expect(both.map((k) => k.keyId)[0]).toBe(ljr1Only[0].keyId); // the existing key is kept, and first
    const server = createRiskServer({ keys: both });
    expect(server.publicKeys().map((k) => k.suite)).toEqual([DEFAULT_SUITE, LJG1_SUITE]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(2);

    // Back to the default: the SM2 key stays on disk but is not loaded, so LJG1 is off again.
    expect(loadRiskKeys(file, env({})).map((k) => k.keyId)).toEqual([ljr1Only[0].keyId]);
    expect(loadRiskKeys(file, env({ RISK_SUITES: 'LJG1' })).map((k) => k.suite)).toEqual([LJG1_SUITE]);
  });

  it('RISK_KEYS: every key must belong to an enabled suite and every enabled suite needs a key', () => {
    const x = generateServerKeyPair({ keyId: 'x-1' });
    const g = generateServerKeyPair({ keyId: 'g-1', suite: 'LJG1' });
    const keys = JSON.stringify([
      { keyId: x.keyId, privateKey: x.privateKey },
      { keyId: g.keyId, privateKey: g.privateKey, suite: 'LJG1' },
    ]);
    const file = join(dir, 'unused.json');
    expect(loadRiskKeys(file, env({ RISK_KEYS: keys, RISK_SUITES: 'LJR1,LJG1' }))).toHaveLength(2);
    expect(() => loadRiskKeys(file, env({ RISK_KEYS: keys }))).toThrow(
      /g-1 belong to a suite RISK_SUITES does not enable/,
    );
    expect(() =>
      loadRiskKeys(
        file,
        env({ RISK_KEYS: JSON.stringify([{ keyId: 'x-1', privateKey: x.privateKey }]), RISK_SUITES: 'LJR1,LJG1' }),
      ),
    ).toThrow(/no key for enabled suite LJG1/);
    expect(() => loadRiskKeys(file, env({ RISK_KEYS: '[{"keyId":"a","privateKey":"b","suite":1}]' }))).toThrow(
      /RISK_KEYS must be/,
    );
  });
});
