import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { Body, errorResponses, Id, IsoTime } from '../schemas';
import { getBacktest, runBacktest } from '../services/backtest';
import {
  decideActivation,
  proposeActivation,
  ruleSetsOverview,
  uploadCandidate,
  validateCandidate,
  versionDetail,
} from '../services/rule-sets';
import { staffOf } from '../staff/principal';
import { Reason, staffRoute, Time } from '../staff/route-kit';

const open = { additionalProperties: true } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Version = Type.Object(
  {
    versionId: Type.String(),
    ruleSetId: Type.String(),
    version: Type.Integer(),
    hash: Type.String(),
    source: Type.String({ description: 'start-up (what the engine started with) | upload' }),
    note: Nullable(Type.String()),
    createdBy: Type.String(),
    createdAt: IsoTime,
    active: Type.Boolean(),
  },
  open,
);
const Request = Type.Object(
  {
    requestId: Type.String(),
    ruleSetId: Type.String(),
    versionId: Type.String(),
    backtestId: Type.String(),
    status: Type.String({ description: 'pending | approved | rejected' }),
    proposedBy: Type.String(),
    proposedAt: IsoTime,
    reason: Type.String(),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(IsoTime),
    decisionReason: Nullable(Type.String()),
  },
  open,
);
const RuleSet = Type.Object(
  {
    ruleSetId: Type.String(),
    actions: Type.Array(Type.String()),
    active: Type.Composite([Version, Type.Object({ since: IsoTime, activatedBy: Type.String() })], open),
    versions: Type.Array(Type.Composite([Version, Type.Object({ backtests: Type.Integer() })], open)),
    pending: Nullable(Request),
    history: Type.Array(
      Type.Object(
        {
          seq: Type.Integer(),
          versionId: Type.String(),
          version: Type.Integer(),
          event: Type.String({ description: 'proposed | approved | rejected | activated' }),
          actor: Type.String(),
          reason: Nullable(Type.String()),
          at: IsoTime,
        },
        open,
      ),
    ),
  },
  open,
);
const Count = Type.Integer();
const Backtest = Type.Object(
  {
    backtestId: Type.String(),
    versionId: Type.String(),
    runBy: Type.String(),
    runAt: IsoTime,
    summary: Type.Object(
      {
        candidate: Type.Object({ id: Type.String(), version: Type.Integer(), hash: Type.String() }, open),
        baseline: Nullable(Type.Object({ id: Type.String(), version: Type.Integer(), hash: Type.String() }, open)),
        from: IsoTime,
        to: IsoTime,
        scanned: Count,
        truncated: Type.Boolean(),
        changed: Count,
        recordedBy: Type.Array(Type.Object({ version: Type.Integer(), hash: Type.String(), count: Count }, open)),
        matrix: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), count: Count }, open)),
        byReason: Type.Array(
          Type.Object({ code: Type.String(), hitsBefore: Count, hitsAfter: Count, changed: Count }, open),
        ),
        byChannel: Type.Array(
          Type.Object(
            { channel: Type.String(), total: Count, changed: Count, passedBefore: Count, passedAfter: Count },
            open,
          ),
        ),
        examples: Type.Array(
          Type.Object(
            {
              decisionId: Type.String(),
              at: IsoTime,
              channel: Type.String(),
              before: Type.Object(
                { outcome: Type.String(), score: Type.Number(), reasons: Type.Array(Type.String()) },
                open,
              ),
              after: Type.Object(
                { outcome: Type.String(), score: Type.Number(), reasons: Type.Array(Type.String()) },
                open,
              ),
            },
            open,
          ),
        ),
      },
      open,
    ),
  },
  open,
);

const UploadBody = Body({
  file: Type.Object(
    {},
    { additionalProperties: true, description: 'the rule-set file (JSON), as the engine loads it' },
  ),
  note: Type.Optional(Type.String({ maxLength: 500, pattern: '^[^\\u0000]*$' })),
});
const BacktestBody = Body({ from: Time, to: Time });
const ProposeBody = Body({ backtestId: Id, reason: Reason });
const DecideBody = Body({ reason: Reason });
const VersionParams = Type.Object({ id: Id });

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new AppError(400, 'TIME_INVALID', `时间格式不正确：${field}（ISO-8601）`, field);
  return ms;
}

/**
 * Rule sets in the console: the live version per action and its history; supervisors upload a
 * candidate (checked by the engine's loader, every problem listed), backtest it on recorded
 * decisions, propose it with a backtest, and a second supervisor approves it (four eyes) — the
 * engine runs it from that moment, and after every restart.
 */
export default async function staffRuleRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = staffRoute(deps, 'risk.read', 'staff');
  const change = staffRoute(deps, 'rules.change', 'staff');
  const rsDeps = () => ({ db: deps.db, clock: deps.clock, engine: deps.engine, log: app.log });

  app.get(
    '/staff/rules',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary:
          'Rule sets: the actions each decides, the live version, every version, the pending activation and the publication log',
        response: { 200: Type.Object({ items: Type.Array(RuleSet) }), ...errorResponses },
      },
    },
    async () => ({ items: await ruleSetsOverview(deps.db) }),
  );

  app.get(
    '/staff/rules/versions/:id',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'One rule-set version: the file, its backtests and activation requests',
        params: VersionParams,
        response: {
          200: Type.Composite(
            [
              Version,
              Type.Object({
                file: Type.Object({}, open),
                backtests: Type.Array(Type.Object({ backtestId: Type.String() }, open)),
                requests: Type.Array(Request),
              }),
            ],
            open,
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => versionDetail(deps.db, (request.params as { id: string }).id),
  );

  app.post(
    '/staff/rules/validate',
    {
      onRequest: change.onRequest,
      config: { audit: 'rules.validate' },
      schema: {
        ...change.common,
        summary: 'Check a candidate rule-set file without storing it: every problem the loader and the bank find',
        body: UploadBody,
        response: { 200: Type.Object({ ok: Type.Boolean(), problems: Type.Array(Type.String()) }), ...errorResponses },
      },
    },
    async (request) => {
      const { problems } = await validateCandidate(rsDeps(), (request.body as Static<typeof UploadBody>).file);
      return { ok: problems.length === 0, problems };
    },
  );

  app.post(
    '/staff/rules/versions',
    {
      onRequest: change.onRequest,
      config: { audit: 'rules.upload' },
      schema: {
        ...change.common,
        summary:
          'Upload a candidate version (committed, a new version number of a known set); 422 RULE_SET_INVALID lists every problem',
        body: UploadBody,
        response: { 201: Version, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body as Static<typeof UploadBody>;
      const v = await uploadCandidate(rsDeps(), b.file, staffOf(request).actor, b.note ?? null);
      request.auditDetail = { versionId: v.versionId, ruleSet: v.ruleSetId, version: v.version, hash: v.hash };
      return reply.status(201).send(v);
    },
  );

  app.post(
    '/staff/rules/versions/:id/backtests',
    {
      onRequest: change.onRequest,
      config: { audit: 'rules.backtest' },
      schema: {
        ...change.common,
        summary:
          'Backtest a version on the decisions recorded in [from, to] (at most 31 days, 20,000 decisions): outcome matrix, changes per reason and channel, examples',
        params: VersionParams,
        body: BacktestBody,
        response: { 200: Backtest, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof BacktestBody>;
      const result = await runBacktest(
        deps,
        (request.params as { id: string }).id,
        { from: instant(b.from, 'from'), to: instant(b.to, 'to') },
        staffOf(request).actor,
      );
      request.auditDetail = {
        backtestId: result.backtestId,
        scanned: result.summary.scanned,
        changed: result.summary.changed,
      };
      return result;
    },
  );

  app.get(
    '/staff/rules/backtests/:id',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'One stored backtest',
        params: VersionParams,
        response: { 200: Backtest, ...errorResponses },
      },
    },
    async (request) => getBacktest(deps.db, (request.params as { id: string }).id),
  );

  app.post(
    '/staff/rules/versions/:id/proposals',
    {
      onRequest: change.onRequest,
      config: { audit: 'rules.propose' },
      schema: {
        ...change.common,
        summary:
          'Ask for a version to go live, with the backtest that shows what it changes; a second supervisor decides',
        params: VersionParams,
        body: ProposeBody,
        response: { 200: Request, ...errorResponses },
      },
    },
    async (request) => {
      const r = await proposeActivation(
        rsDeps(),
        (request.params as { id: string }).id,
        request.body as Static<typeof ProposeBody>,
        staffOf(request).actor,
      );
      request.auditDetail = { requestId: r.requestId };
      return r;
    },
  );

  for (const [verb, verdict] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/staff/rules/proposals/:id/${verb}`,
      {
        onRequest: change.onRequest,
        config: { audit: `rules.${verb}` },
        schema: {
          ...change.common,
          summary:
            verdict === 'approved'
              ? 'Approve an activation (four eyes: not the proposer): the engine runs the version from now on'
              : 'Reject an activation request',
          params: VersionParams,
          body: DecideBody,
          response: { 200: Request, ...errorResponses },
        },
      },
      async (request) =>
        decideActivation(
          rsDeps(),
          (request.params as { id: string }).id,
          verdict,
          staffOf(request).actor,
          (request.body as Static<typeof DecideBody>).reason,
        ),
    );
  }
}
