import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { Body, errorResponses } from '../schemas';
import { recordTokenFailure } from '../risk/token-failures';
import { ingestTelemetry } from '../services/telemetry';

const TelemetryBody = Body({ token: Type.String({ minLength: 1, maxLength: 262_144 }) });

/** The SDK's two routes. They need no login: the device talks to them before and after sign-in. */
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

  app.post(
    '/risk/telemetry',
    {
      schema: {
        tags: ['risk'],
        summary: 'Telemetry ingest: a sealed batch of events, stored once per event id',
        body: TelemetryBody,
        response: { 200: Type.Object({ accepted: Type.Array(Type.String()) }), ...errorResponses },
      },
    },
    async (request) => {
      const { token } = request.body as { token: string };
      return ingestTelemetry(deps.db, deps.clock, deps.risk, token, (code) =>
        recordTokenFailure(deps.engine, request.log, { ip: request.ip, code, token }),
      );
    },
  );
}
