import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { Body, errorResponses, Id, IsoTime, PositiveFen } from '../schemas';
import { resolveReview } from '../services/applications';
import { Application } from './views';
import { latestCodes } from '../services/sms';
import { isoTime } from '../time';

/** Sandbox-only helpers; not mounted when NODE_ENV=production. */
export default async function devRoutes(app: FastifyInstance, deps: AppDeps) {
  if (!deps.devRoutes) return;
  app.get(
    '/dev/sms/:phone',
    {
      schema: {
        tags: ['dev'],
        summary: 'Sandbox SMS inbox for a phone (newest first); not available in production',
        params: Type.Object({ phone: Type.String({ pattern: '^\\d{11}$' }) }),
        response: {
          200: Type.Object({
            messages: Type.Array(
              Type.Object({
                purpose: Type.String(),
                code: Type.String(),
                sentAt: IsoTime,
                expiresAt: IsoTime,
                used: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { phone } = request.params as { phone: string };
      const rows = await latestCodes(deps.db, deps.pii, phone);
      return {
        messages: rows.map((r) => ({
          purpose: r.purpose,
          code: r.code,
          sentAt: isoTime(r.created_at),
          expiresAt: isoTime(r.expires_at),
          used: !!r.consumed_at,
        })),
      };
    },
  );

  app.post(
    '/dev/applications/:id/decide',
    {
      schema: {
        tags: ['dev'],
        summary: 'Sandbox back office: a human underwriter approves or rejects an application in review',
        params: Type.Object({ id: Id }),
        body: Body({
          decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
          limitFen: Type.Optional(PositiveFen),
        }),
        response: { 200: Application, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as { decision: 'approve' | 'reject'; limitFen?: number };
      return deps.db
        .transaction()
        .execute((trx) => resolveReview(deps, trx, (request.params as { id: string }).id, b.decision, b.limitFen));
    },
  );
}
