import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { errorResponses, IsoTime } from '../schemas';
import { listAudit } from '../staff/audit';
import { Limit, staffRoute } from '../staff/route-kit';

const AuditEntry = Type.Object(
  {
    seq: Type.Integer(),
    at: IsoTime,
    actor: Type.String(),
    actorKind: Type.String({ description: 'session | key | login' }),
    role: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    outcome: Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')]),
    target: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Object({}, { additionalProperties: true }),
    requestId: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: true },
);

/** The audit log, read-only: there is no route that changes or deletes an entry. */
export default async function staffAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = staffRoute(deps, 'audit.read', 'staff');
  app.get(
    '/staff/audit',
    {
      onRequest: r.onRequest,
      schema: {
        ...r.common,
        summary:
          'Staff audit log, newest first (append-only): sign-ins and every staff action with its reason and outcome',
        querystring: Type.Object(
          {
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')])),
            before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,14}$' })),
            limit: Type.Optional(Limit),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(AuditEntry), nextBefore: Type.Union([Type.Integer(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as { actor?: string; action?: string; outcome?: string; before?: string; limit?: string };
      const limit = q.limit ? Number(q.limit) : 100;
      const items = await listAudit(deps.db, {
        actor: q.actor,
        action: q.action,
        outcome: q.outcome,
        before: q.before ? Number(q.before) : undefined,
        limit,
      });
      return { items, nextBefore: items.length === limit ? items[items.length - 1].seq : null };
    },
  );
}
