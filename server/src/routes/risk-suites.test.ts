/**
 * The bank with both protocol suites enabled (RISK_SUITES=LJR1,LJG1): GET /risk/keys lists a key
 * per suite with its `suite`, and a real SDK client on either key handshakes and has its telemetry
 * accepted — over the SQL risk store, whose sealed session rows work for SM2 keys too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LJG1_SUITE, DEFAULT_SUITE } from '@lingjie/risk-sdk/server';
import { startTestApp, type TestContext } from '../../test/helpers';
import { sandboxDevice } from '../sandbox-client';
import { loadRiskKeys } from '../risk/keys';
import type { Clock } from '../clock';

let t: TestContext;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'risk-suites-'));
  const riskKeys = loadRiskKeys(join(dir, 'risk-keys.json'), { RISK_SUITES: 'LJR1,LJG1' } as NodeJS.ProcessEnv);
  t = await startTestApp({ riskKeys });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lists a key per enabled suite, and clients on either suite are accepted', async () => {
  const keys = (await t.app.inject({ url: '/api/risk/keys' })).json().keys as Array<{
    keyId: string;
    suite: string;
    publicKey: string;
  }>;
  expect(keys.map((k) => k.suite)).toEqual([DEFAULT_SUITE, LJG1_SUITE]);
  for (const key of keys) {
    const client = await sandboxDevice(t.app, t.clock as Clock, key);
    client.track('app.show');
    const flushed = await client.flush();
    expect([key.suite, flushed]).toMatchObject([key.suite, { sent: 1 }]);
    client.destroy();
  }
});
