import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { DB_RETRY_AFTER_S, DB_UNAVAILABLE } from '../db/resilience';
import { IsoTime } from '../schemas';
import { isoTime } from '../time';

/** A health probe answers within this bound even when connecting to the database hangs. */
const PROBE_TIMEOUT_MS = 3_000;

async function databaseAnswers(deps: AppDeps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  const probe = sql`select 1`.execute(deps.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness + database round trip, for start scripts, load balancers and end-to-end tests waiting on
 * the server. While the database is unreachable the process stays up and this answers 503
 * `DB_UNAVAILABLE` (as does every route that needs the database); it turns 200 again by itself
 * once the database is back.
 */
export default async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Server and database are up; the server clock (injectable) in CST',
        response: {
          200: Type.Object({ ok: Type.Literal(true), database: Type.Literal('up'), now: IsoTime }),
          503: Type.Object({
            ok: Type.Literal(false),
            database: Type.Literal('unavailable'),
            code: Type.Literal(DB_UNAVAILABLE.code),
            message: Type.String(),
          }),
        },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers(deps)) return { ok: true, database: 'up', now: isoTime(deps.clock.now()) } as const;
      return reply
        .status(503)
        .header('retry-after', String(DB_RETRY_AFTER_S))
        .send({ ok: false, database: 'unavailable', ...DB_UNAVAILABLE });
    },
  );
}
