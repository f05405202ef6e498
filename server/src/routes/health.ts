import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { IsoTime } from '../schemas';
import { isoTime } from '../time';

/** Liveness + database round trip, for start scripts and end-to-end tests waiting on the server. */
export default async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Server and database are up; the server clock (injectable) in CST',
        response: { 200: Type.Object({ ok: Type.Boolean(), now: IsoTime }), 503: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { ok: true, now: isoTime(deps.clock.now()) };
      } catch {
        return reply.status(503).send({ ok: false });
      }
    },
  );
}
