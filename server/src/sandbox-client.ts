import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createVirtualClient, type RiskClient } from '@lingjie/risk-sdk/virtual';
import { ljg1JsSuite } from '@lingjie/risk-sdk/gm';
// The client resets its session only on its own RequestError class, which the package does not
// export yet; importing the module file gives the very same class.
import { RequestError } from '../../sdk/src/platform/request-error';
import type { Clock } from './clock';

/**
 * A real SDK client on a virtual phone whose network is this app in-process (Fastify inject), with
 * the device clock tied to the given clock. Used by the seed, the tests and the benchmarks, so each
 * of them speaks the real protocol with real tokens.
 */
export async function sandboxDevice(
  app: FastifyInstance,
  clock: Clock,
  key: { keyId: string; publicKey: string; suite?: string },
  profile: Record<string, unknown> = {},
): Promise<RiskClient> {
  const { client } = createVirtualClient({
    serverPublicKey: key.publicKey,
    keyId: key.keyId,
    // The suite of the key (GET /risk/keys says which); the 国密 one when the bank enabled it first.
    suite: key.suite,
    suites: [ljg1JsSuite],
    endpoint: '/api',
    telemetryOnGrant: false,
    device: {
      profile,
      clock: () => clock.now().getTime(),
      post: async (url, body) => {
        const res = await app.inject({ method: 'POST', url, payload: body as object });
        if (res.statusCode >= 400) throw new RequestError(res.statusCode, res.json());
        return res.json();
      },
    },
  });
  await client.grantConsent(['basic', 'behaviour']);
  return client;
}

/**
 * POSTs `body` with an action token sealed for exactly that request (method, path, body), plus an Idempotency-Key when
 * asked (`true` = a fresh one) and any extra headers (e.g. `x-step-up-code`).
 */
export async function sealedPost(
  app: FastifyInstance,
  /** `ip`: the address the request comes from (default: inject's 127.0.0.1). */
  who: { auth: Record<string, string>; device: RiskClient; ip?: string },
  url: string,
  action: string,
  body: object,
  opts: { key?: string | true; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {
    ...who.auth,
    ...opts.headers,
    'x-risk-token': await who.device.seal(action, { method: 'POST', path: url.split('?')[0], body }),
  };
  if (opts.key) headers['idempotency-key'] = opts.key === true ? randomUUID() : opts.key;
  return app.inject({ method: 'POST', url, headers, payload: body, ...(who.ip ? { remoteAddress: who.ip } : {}) });
}
