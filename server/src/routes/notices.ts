import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { ensureBroadcastNotices, noticeView, refreshScheduleNotices } from '../services/notices';
import { AuthHeaders, bearer, errorResponses, Id } from '../schemas';
import { Notice } from './views';

export default async function noticeRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['notices'], security: bearer, headers: AuthHeaders };
  app.get(
    '/notices',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Due reminders, overdue warnings, decisions, policy and anti-fraud notices',
        response: { 200: Type.Object({ items: Type.Array(Notice) }), ...errorResponses },
      },
    },
    async (request) => {
      await ensureBroadcastNotices(deps.db, deps.clock);
      await refreshScheduleNotices(deps.db, deps.clock, request.userId);
      const rows = await deps.db
        .selectFrom('notices')
        .selectAll()
        .where((eb) => eb.or([eb('user_id', '=', request.userId), eb('user_id', 'is', null)]))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(200)
        .execute();
      return { items: rows.map(noticeView) };
    },
  );

  app.post(
    '/notices/:id/read',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Mark one of my notices read',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const r = await deps.db
        .updateTable('notices')
        .set({ read_at: deps.clock.now() })
        .where('id', '=', (request.params as { id: string }).id)
        .where('user_id', '=', request.userId)
        .returning('id')
        .executeTakeFirst();
      if (!r) throw notFound('通知');
      return { ok: true };
    },
  );
}
