import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { DB_RETRY_AFTER_S, DB_UNAVAILABLE } from '../db/resilience';
import { IsoTime } from '../schemas';
import { isoTime } from '../time';
import { redisAnswers } from '../risk/redis-connection';

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

const Reachable = Type.Union([Type.Literal('up'), Type.Literal('unavailable')]);

/**
 * Liveness + database round trip, for start scripts, load balancers and end-to-end tests waiting on
 * the server. While the database is unreachable the process stays up and this answers 503
 * `DB_UNAVAILABLE` (as does every route that needs the database); it turns 200 again by itself
 * once the database is back. With REDIS_URL set, `redis` reports the engine's hot-state store the
 * same way: decisions need it, so Redis unreachable is a 503 too.
 */
export default async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Server, database (and Redis when configured) are up; the server clock (injectable) in CST',
        response: {
          200: Type.Object({
            ok: Type.Literal(true),
            database: Type.Literal('up'),
            redis: Type.Optional(Type.Literal('up')),
            now: IsoTime,
          }),
          503: Type.Object({
            ok: Type.Literal(false),
            database: Reachable,
            redis: Type.Optional(Reachable),
            code: Type.Literal(DB_UNAVAILABLE.code),
            message: Type.String(),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        databaseAnswers(deps),
        deps.redis ? redisAnswers(deps.redis, PROBE_TIMEOUT_MS) : undefined,
      ]);
      const state = {
        database: database ? 'up' : 'unavailable',
        ...(redis === undefined ? {} : { redis: redis ? 'up' : 'unavailable' }),
      } as const;
      if (database && redis !== false)
        return { ok: true, ...state, database: 'up', now: isoTime(deps.clock.now()) } as const;
      return reply
        .status(503)
        .header('retry-after', String(DB_RETRY_AFTER_S))
        .send({ ok: false, ...state, ...DB_UNAVAILABLE });
    },
  );
}
