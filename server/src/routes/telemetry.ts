import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { Body, errorResponses } from '../schemas';
import { recordTokenFailure } from '../risk/token-failures';
import { ingestTelemetry, TELEMETRY_LIMITS } from '../services/telemetry';
import { TELEMETRY_KINDS } from '../services/telemetry-kinds';

/** Tokens a minute: per client IP (checked before the body is read), per verified risk session. */
export const TELEMETRY_RATE = { perIp: 600, perSession: 60 } as const;
const MAX_TOKEN_CHARS = 262_144;

const TelemetryBody = Body({ token: Type.String({ minLength: 1, maxLength: MAX_TOKEN_CHARS }) });
const Refused = Type.Object({
  id: Type.String(),
  code: Type.String({
    description:
      'EVENT_KIND_UNKNOWN | EVENT_INVALID | EVENT_TOO_LARGE | EVENT_TOO_DEEP | EVENT_FORBIDDEN_KEY | EVENT_BAD_TEXT',
  }),
});

/**
 * Telemetry ingest: the SDK posts sealed batches here, before and after sign-in (no login). Guards
 * (issue #8 point 4): a rate limit per IP and per verified risk session, a body limit, and per token
 * at most 50 events, each of an allowed kind with its schema, ≤ 32 KB and ≤ 10 levels deep.
 */
export default async function telemetryRoutes(app: FastifyInstance, deps: AppDeps) {
  const perIp = deps.rateLimits.telemetryPerIp ?? TELEMETRY_RATE.perIp;
  const perSession = deps.rateLimits.telemetryPerSession ?? TELEMETRY_RATE.perSession;
  // The verified session of the request being limited (set just before the check).
  const sessions = new WeakMap<FastifyRequest, string>();
  const sessionLimit = app.createRateLimit({
    max: perSession,
    timeWindow: 60_000,
    keyGenerator: (req) => `tsess:${sessions.get(req) ?? ''}`,
  });

  app.post(
    '/risk/telemetry',
    {
      bodyLimit: MAX_TOKEN_CHARS + 1024,
      config: { rateLimit: { max: perIp, timeWindow: 60_000 } },
      schema: {
        tags: ['risk'],
        summary:
          'Telemetry ingest: a sealed batch of events, stored once per event id. ' +
          `Kinds: ${TELEMETRY_KINDS.join(', ')}; ≤ ${TELEMETRY_LIMITS.maxEventsPerToken} events a token, ` +
          `each ≤ ${TELEMETRY_LIMITS.maxEventBytes} bytes and ≤ ${TELEMETRY_LIMITS.maxEventDepth} levels deep; ` +
          `≤ ${perIp} tokens a minute per IP and ${perSession} per risk session (429 RATE_LIMITED).`,
        body: TelemetryBody,
        response: {
          200: Type.Object({
            accepted: Type.Array(Type.String(), {
              description: 'every event id the device may drop from its queue (stored, or refused for good)',
            }),
            refused: Type.Array(Refused, { description: 'events not stored, with the reason' }),
          }),
          413: Type.Ref('Error'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { token } = request.body as { token: string };
      const result = await ingestTelemetry(deps.db, deps.clock, deps.risk, token, {
        onRefused: (code) => recordTokenFailure(deps.engine, request.log, { ip: request.ip, code, token }),
        onVerified: async (sessionId) => {
          sessions.set(request, sessionId);
          const limit = await sessionLimit(request);
          if (!limit.isAllowed && limit.isExceeded)
            throw new AppError(
              429,
              'TELEMETRY_RATE_LIMITED',
              `本设备上报过于频繁（每分钟最多 ${perSession} 次），请稍后再试`,
            );
        },
      });
      if (result.refused.length)
        request.log.info(
          { refused: result.refused.length, codes: [...new Set(result.refused.map((r) => r.code))] },
          'telemetry: events refused',
        );
      return result;
    },
  );
}
