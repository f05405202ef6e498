import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MONEY_OUTCOMES, APPLICATION_OUTCOMES, type Outcome } from '@lingjie/risk-sdk/engine';
import type { AppDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { Body, errorResponses, IsoTime } from '../schemas';
import { isoTime } from '../time';
import { listHolds, resolveHold } from '../services/risk-challenges';
import {
  Alert,
  alertView,
  Bucket,
  bucketView,
  Channel,
  channelView,
  Condition,
  conditionView,
  Decision,
  DecisionSummary,
  decisionSummaryView,
  decisionView,
} from '../staff/risk-views';
import { DecisionId } from './step-up';
import { requirePermission } from '../staff/permissions';
import { STAFF_SECURITY, StaffHeaders } from '../staff/route-kit';

const HOUR = 3_600_000;
/** A series longer than this is refused (the console charts a day or a week). */
const MAX_SERIES_MS = 31 * 24 * HOUR;

const ChannelParams = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 64 }) });
const DecisionParams = Type.Object({ id: DecisionId });
const Time = Type.String({ maxLength: 40, description: 'ISO-8601 instant, e.g. 2026-03-01T10:00:00+08:00' });
const Limit = Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–999' });
const Reason = Type.String({
  minLength: 1,
  maxLength: 200,
  // Stored as text: no control characters (PostgreSQL refuses NUL in text).
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  description: 'why (kept with the record)',
});
const OUTCOMES = [...APPLICATION_OUTCOMES, ...MONEY_OUTCOMES] as readonly string[];

const LockdownBody = Body({
  mode: Type.Union([Type.Literal('review'), Type.Literal('reject')], {
    description: 'new applications from the channel go to review, or are rejected (CHANNEL_LOCKDOWN)',
  }),
  minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 43_200, description: 'length; omitted = until lifted' })),
  reason: Reason,
});
const LiftBody = Body({ reason: Reason });
const HoldStatus = Type.Union([Type.Literal('pending'), Type.Literal('released'), Type.Literal('refused')]);
const Hold = Type.Object(
  {
    decisionId: Type.String(),
    action: Type.String(),
    status: HoldStatus,
    createdAt: IsoTime,
    resolvedAt: Type.Union([IsoTime, Type.Null()]),
    resolvedBy: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    releaseValidUntil: Type.Union([IsoTime, Type.Null()]),
    usedAt: Type.Union([IsoTime, Type.Null()]),
  },
  { additionalProperties: true },
);

/** An ISO instant from the query, or a 400 naming the parameter. */
function instant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new AppError(400, 'TIME_INVALID', `时间格式不正确：${field}（ISO-8601）`, field);
  return ms;
}

const limitOf = (v: string | undefined) => (v === undefined ? undefined : Number(v));

/**
 * The staff API over the risk engine, for the coming staff console: channel status, volume series,
 * lockdowns and lifts, surge alerts, decision records with their evidence, and money moves held for
 * review. Every route needs a staff session or `X-Staff-Key`; lockdowns and lifts need a supervisor
 * (or the key). Actions are recorded with the caller as actor, and in the staff audit log.
 */
export default async function staffRiskRoutes(app: FastifyInstance, deps: AppDeps) {
  const { engine } = deps;
  const common = { tags: ['staff'], security: STAFF_SECURITY, headers: StaffHeaders };
  // onRequest: the credential and the role are checked before the body is parsed or validated, so a
  // caller without one learns nothing.
  const guard = { onRequest: [deps.authenticateStaff, requirePermission('risk.read')] };
  const lockdownGuard = { onRequest: [deps.authenticateStaff, requirePermission('channels.lockdown')] };
  const holdGuard = { onRequest: [deps.authenticateStaff, requirePermission('holds.resolve')] };
  const actor = (request: FastifyRequest) => request.staffActor ?? 'staff';
  const channelOf = (request: FastifyRequest) => (request.params as Static<typeof ChannelParams>).channel;

  app.get(
    '/staff/risk/channels',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Channels seen in the last `hours` (default 24) with their state: normal, watch, lockdown, cool_down',
        querystring: Type.Object(
          { hours: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$', description: '1–9999' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Channel) }), ...errorResponses },
      },
    },
    async (request) => {
      const { hours } = request.query as { hours?: string };
      return { items: (await engine.channels.list(hours ? Number(hours) : undefined)).map(channelView) };
    },
  );

  app.get(
    '/staff/risk/channels/:channel',
    {
      ...guard,
      schema: {
        ...common,
        summary: "One channel's state, active condition and surge evidence",
        params: ChannelParams,
        response: { 200: Channel, ...errorResponses },
      },
    },
    async (request) => channelView(await engine.channels.status(channelOf(request))),
  );

  app.get(
    '/staff/risk/channels/:channel/series',
    {
      ...guard,
      schema: {
        ...common,
        summary:
          'Per-bucket applications, approvals and risky applications of a channel: buckets starting from `from` to `to` inclusive (default: the last 24 h up to now, the current bucket included)',
        params: ChannelParams,
        querystring: Type.Object(
          { from: Type.Optional(Time), to: Type.Optional(Time) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ channel: Type.String(), from: IsoTime, to: IsoTime, items: Type.Array(Bucket) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as { from?: string; to?: string };
      const to = instant(q.to, 'to') ?? deps.clock.now().getTime();
      const from = instant(q.from, 'from') ?? to - 24 * HOUR;
      if (from >= to) throw new AppError(400, 'TIME_RANGE_INVALID', '开始时间须早于结束时间', 'from');
      if (to - from > MAX_SERIES_MS) throw new AppError(400, 'TIME_RANGE_TOO_LONG', '时间范围最长 31 天', 'from');
      const channel = channelOf(request);
      // The engine's range excludes its end; `to` is inclusive here so "now" includes the current bucket.
      const items = await engine.channels.series(channel, from, to + 1);
      return { channel, from: isoTime(from), to: isoTime(to), items: items.map(bucketView) };
    },
  );

  app.post(
    '/staff/risk/channels/:channel/lockdown',
    {
      ...lockdownGuard,
      config: { audit: 'channel.lockdown' },
      schema: {
        ...common,
        summary: 'Lock a channel down: its new applications go to review or are rejected (CHANNEL_LOCKDOWN)',
        params: ChannelParams,
        body: LockdownBody,
        response: { 200: Condition, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof LockdownBody>;
      const c = await engine.channels.lockdown(channelOf(request), {
        mode: b.mode,
        reason: b.reason,
        actor: actor(request),
        ...(b.minutes !== undefined ? { minutes: b.minutes } : {}),
      });
      request.log.info({ channel: c.channel, mode: c.mode, actor: c.actor }, 'staff: channel lockdown');
      return conditionView(c);
    },
  );

  app.post(
    '/staff/risk/channels/:channel/lift',
    {
      ...lockdownGuard,
      config: { audit: 'channel.lift' },
      schema: {
        ...common,
        summary: 'Lift every active condition on a channel (its applications are decided normally again)',
        params: ChannelParams,
        body: LiftBody,
        response: { 200: Type.Object({ lifted: Type.Array(Condition) }), ...errorResponses },
      },
    },
    async (request) => {
      const { reason } = request.body as Static<typeof LiftBody>;
      const lifted = await engine.channels.lift(channelOf(request), { reason, actor: actor(request) });
      request.log.info({ channel: channelOf(request), lifted: lifted.length }, 'staff: channel lift');
      return { lifted: lifted.map(conditionView) };
    },
  );

  app.get(
    '/staff/risk/alerts',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Surge alerts and lockdown changes, newest first',
        querystring: Type.Object(
          {
            channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            since: Type.Optional(Time),
            limit: Type.Optional(Limit),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Alert) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query as { channel?: string; since?: string; limit?: string };
      const since = instant(q.since, 'since');
      const limit = limitOf(q.limit);
      const items = await engine.alerts({
        ...(q.channel ? { channel: q.channel } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      return { items: items.map(alertView) };
    },
  );

  app.get(
    '/staff/risk/decisions',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Decision records, newest first; page with `before` = the last decisionId (`nextBefore`)',
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            outcome: Type.Optional(Type.Union(OUTCOMES.map((o) => Type.Literal(o)))),
            since: Type.Optional(Time),
            until: Type.Optional(Time),
            limit: Type.Optional(Limit),
            before: Type.Optional(DecisionId),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(DecisionSummary),
            nextBefore: Type.Union([Type.String(), Type.Null()], { description: 'pass as `before` for the next page' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const since = instant(q.since, 'since');
      const until = instant(q.until, 'until');
      const limit = limitOf(q.limit) ?? 100;
      const items = await engine.decisions({
        limit,
        ...(q.action ? { action: q.action } : {}),
        ...(q.channel ? { channel: q.channel } : {}),
        ...(q.outcome ? { outcome: q.outcome as Outcome } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(q.before ? { beforeId: q.before } : {}),
      });
      return {
        items: items.map(decisionSummaryView),
        nextBefore: items.length === limit ? items[items.length - 1].decisionId : null,
      };
    },
  );

  app.get(
    '/staff/risk/decisions/:id',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'One decision record: features seen, every rule result with its evidence and staff text',
        params: DecisionParams,
        response: { 200: Decision, ...errorResponses },
      },
    },
    async (request) => {
      const d = await engine.decision((request.params as Static<typeof DecisionParams>).id);
      if (!d) throw notFound('决策记录');
      return decisionView(d);
    },
  );

  app.get(
    '/staff/risk/holds',
    {
      ...guard,
      schema: {
        ...common,
        summary: 'Money moves held for review (RISK_HELD), newest first',
        querystring: Type.Object(
          { status: Type.Optional(HoldStatus), limit: Type.Optional(Limit) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Hold) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query as { status?: 'pending' | 'released' | 'refused'; limit?: string };
      return { items: await listHolds(deps, { status: q.status, limit: limitOf(q.limit) }) };
    },
  );

  for (const [verb, verdict] of [
    ['release', 'released'],
    ['refuse', 'refused'],
  ] as const) {
    app.post(
      `/staff/risk/holds/:id/${verb}`,
      {
        ...holdGuard,
        config: { audit: `hold.${verb}` },
        schema: {
          ...common,
          summary:
            verdict === 'released'
              ? "Release a held money move: the customer's resubmission goes through once (within 7 days)"
              : 'Refuse a held money move: it stays stopped and the customer is told',
          params: DecisionParams,
          body: LiftBody,
          response: { 200: Hold, ...errorResponses },
        },
      },
      async (request) =>
        resolveHold(
          deps,
          (request.params as Static<typeof DecisionParams>).id,
          verdict,
          actor(request),
          (request.body as Static<typeof LiftBody>).reason,
        ),
    );
  }
}
