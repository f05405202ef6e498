import { createVirtualClient } from './virtual';
import { createRiskServer } from './server';
import { generateServerKeyPair } from './server/keygen';
import { postTo } from './server/test-kit';

describe('resetSession', () => {
  it('recovers when the backend has lost the protocol session: the next seal makes a new handshake', async () => {
    const key = generateServerKeyPair({ keyId: 'k1' });
    const keys = [{ keyId: key.keyId, privateKey: key.privateKey }];
    let server = createRiskServer({ keys, purgeIntervalMs: 0 });
    const post = async (url: string, body: unknown) => {
      if (url.endsWith('/risk/handshake')) return server.handshake(body);
      return { accepted: [] };
    };
    const { client } = createVirtualClient({
      serverPublicKey: key.publicKey,
      keyId: key.keyId,
      telemetryOnGrant: false,
      device: { post },
    });
    await client.grantConsent(['basic']);
    const body = { amountFen: 100 };
    expect(await server.verify(await client.seal('repay', postTo(body)), { request: postTo(body) })).toMatchObject({
      ok: true,
    });

    // A backend with a fresh store (e.g. its session table was cleared) no longer knows the session.
    server = createRiskServer({ keys, purgeIntervalMs: 0 });
    expect(await server.verify(await client.seal('repay', postTo(body)), { request: postTo(body) })).toMatchObject({
      ok: false,
      code: 'SESSION_UNKNOWN',
    });

    client.resetSession();
    expect(await server.verify(await client.seal('repay', postTo(body)), { request: postTo(body) })).toMatchObject({
      ok: true,
    });
    client.destroy();
  });
});
