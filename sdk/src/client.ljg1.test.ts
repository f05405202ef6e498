/**
 * The app-facing client on the 国密 suite: configured with an LJG1 key (its `suite` field) and the
 * suite implementation from `@lingjie/risk-sdk/gm`, it seals tokens the real server verifies.
 */
import { createVirtualClient } from './virtual';
import { ljg1JsSuite, LJG1_SUITE } from './gm';
import { createRiskServer } from './server';
import { generateServerKeyPair } from './server/keygen';
import { postTo, headerOf } from './server/test-kit';

describe('risk client with an LJG1 key', () => {
  const key = generateServerKeyPair({ keyId: 'bank-gm-1', suite: 'LJG1' });
  const server = createRiskServer({
    keys: [{ keyId: key.keyId, privateKey: key.privateKey, suite: key.suite }],
    purgeIntervalMs: 0,
  });
  const post = async (url: string, body: unknown) => {
    if (url.endsWith('/risk/handshake')) return server.handshake(body);
    throw new Error(`unexpected ${url}`);
  };

  it('picks the suite from the configured key and seals verifiable action tokens', async () => {
    const { client } = createVirtualClient({
      serverPublicKey: key.publicKey,
      keyId: key.keyId,
      suite: key.suite,
      suites: [ljg1JsSuite],
      device: { post },
      telemetryOnGrant: false,
    });
    await client.grantConsent(['basic']);
    const req = postTo({ amount: '50000.00', termMonths: 12 }, '/api/applications');
    const token = await client.seal('loan.apply', req);
    expect(headerOf(token).suite).toBe(LJG1_SUITE);
    expect(
      await server.verify(token, { request: req, expectKind: 'action', expectAction: 'loan.apply' }),
    ).toMatchObject({
      ok: true,
    });
    client.destroy();
  });

  it('refuses at creation an LJG1 key without the suite implementation', () => {
    expect(() =>
      createVirtualClient({ serverPublicKey: key.publicKey, keyId: key.keyId, suite: key.suite, device: { post } }),
    ).toThrow(/LJG1-SM2-HMAC-SM3-SM4CBC is not registered/);
  });
});
