import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { Body, errorResponses, Id, IsoTime } from '../schemas';
import { staffOf } from '../staff/principal';
import { staffRoute } from '../staff/route-kit';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Run = Type.Object(
  {
    id: Type.String(),
    scenario: Type.String(),
    scale: Type.Number(),
    seed: Nullable(Type.Integer()),
    status: Type.Union([
      Type.Literal('running'),
      Type.Literal('done'),
      Type.Literal('stopped', { description: 'stopped from the console; the report covers what finished' }),
      Type.Literal('failed'),
    ]),
    startedBy: Type.String(),
    startedAt: IsoTime,
    finishedAt: Nullable(IsoTime),
    summary: Nullable(Type.Object({}, { additionalProperties: true, description: 'totals, surge, lockdowns, checks' })),
    error: Nullable(Type.String()),
    hasReport: Type.Boolean(),
  },
  { additionalProperties: true },
);
const StartBody = Body({
  scenario: Type.String({
    pattern: '^[a-z0-9][a-z0-9-]{0,47}$',
    description: 'a shipped scenario name (GET /api/staff/simulations/scenarios)',
  }),
  scale: Type.Number({
    minimum: 0.01,
    maximum: 1,
    description: 'share of each population to run (1 = the whole scenario)',
  }),
  seed: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  pace: Type.Optional(
    Type.Union([Type.Literal('realtime'), Type.Literal('fast')], {
      description:
        'realtime (default): a simulated minute takes a real minute, so timing signals, the surge window and ' +
        'lockdown schedules mean what they say; fast: sent as fast as the bank answers (outcomes and reasons only)',
    }),
  ),
});
const Params = Type.Object({ id: Id });

/**
 * QA from the console: start a shipped simulator scenario against this bank and read its report
 * (the simulator's own self-contained HTML). Supervisors only: a surge scenario locks channels down.
 */
export default async function staffSimulationRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = staffRoute(deps, 'risk.read', 'staff');
  const run = staffRoute(deps, 'simulations.run', 'staff');

  app.get(
    '/staff/simulations/scenarios',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'The shipped simulator scenarios',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ items: deps.simulations.scenarios() }),
  );

  app.get(
    '/staff/simulations',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'Simulator runs, newest first',
        response: { 200: Type.Object({ items: Type.Array(Run) }), ...errorResponses },
      },
    },
    async () => ({ items: await deps.simulations.list() }),
  );

  app.post(
    '/staff/simulations',
    {
      onRequest: run.onRequest,
      config: { audit: 'simulation.start' },
      schema: {
        ...run.common,
        summary: 'Start a shipped scenario against this bank (one run at a time); 202 with the run',
        body: StartBody,
        response: { 202: Run, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await deps.simulations.start(request.body as Static<typeof StartBody>, staffOf(request).actor);
      request.auditDetail = { runId: started.id };
      return reply.status(202).send(started);
    },
  );

  app.post(
    '/staff/simulations/:id/stop',
    {
      onRequest: run.onRequest,
      config: { audit: 'simulation.stop' },
      schema: {
        ...run.common,
        summary: 'Stop the run under way; answers when it has stopped, with its report of what finished',
        params: Params,
        response: { 200: Run, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      request.auditDetail = { runId: id };
      return deps.simulations.stop(id);
    },
  );

  app.get(
    '/staff/simulations/:id',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'One run: status and summary',
        params: Params,
        response: { 200: Run, ...errorResponses },
      },
    },
    async (request) => deps.simulations.get((request.params as { id: string }).id),
  );

  app.get(
    '/staff/simulations/:id/report',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: "The run's report: the simulator's self-contained HTML (no scripts, SVG charts)",
        params: Params,
        response: {
          200: { description: 'text/html', content: { 'text/html': { schema: { type: 'string' } } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const html = await deps.simulations.report((request.params as { id: string }).id);
      // The console shows it in a sandboxed iframe (srcdoc); scripts would not run there anyway.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(html);
    },
  );
}
