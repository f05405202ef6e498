import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { errorResponses } from '../schemas';

/** The SDK's handshake and the server keys. No login: the device talks to them before and after sign-in (telemetry: telemetry.ts). */
export default async function riskRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/risk/handshake',
    {
      config: { rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        tags: ['risk'],
        summary: 'SDK handshake (X25519 + HKDF; see sdk/PROTOCOL.md)',
        body: Type.Object({}, { additionalProperties: true, description: 'HandshakeRequest {v, suite, kid, epk, nc}' }),
        response: {
          200: Type.Object(
            {},
            { additionalProperties: true, description: 'HandshakeResponse {v, suite, kid, sid, ns, st, exp, kc}' },
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => deps.risk.handshake(request.body),
  );

  app.get(
    '/risk/keys',
    {
      schema: {
        tags: ['risk'],
        summary: 'Public server keys (key id, suite, X25519 public key) to configure the SDK with',
        response: {
          200: Type.Object({
            keys: Type.Array(
              Type.Object(
                { keyId: Type.String(), suite: Type.String(), publicKey: Type.String() },
                { additionalProperties: true },
              ),
            ),
          }),
        },
      },
    },
    async () => ({ keys: deps.risk.publicKeys() }),
  );
}
