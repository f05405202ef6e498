import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import {
  decideApplication,
  getApplication,
  listApplications,
  recordApplication,
  type ApplyInput,
} from '../services/applications';
import { runOnce } from '../services/idempotency';
import {
  AmortisingMethod,
  AuthHeaders,
  Body,
  bearer,
  errorResponses,
  Id,
  MoneyHeaders,
  PositiveFen,
  TermMonths,
} from '../schemas';
import { perMinute } from './rate-limit';
import { Application } from './views';

const ApplyBody = Body({
  enterpriseId: Id,
  amountFen: PositiveFen,
  termMonths: TermMonths,
  method: AmortisingMethod,
  purpose: Type.String({ minLength: 1, maxLength: 40, description: 'business purpose code, e.g. WORKING_CAPITAL' }),
});

export default async function applicationRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['applications'], security: bearer };
  app.post(
    '/applications',
    {
      preHandler: deps.authenticate,
      config: perMinute(deps.rateLimits.applications),
      schema: {
        ...common,
        summary:
          'Apply for a loan; decided at once by the credit policy and the risk engine (approve / review / reject). Needs X-Risk-Token (loan.apply).',
        headers: MoneyHeaders,
        body: ApplyBody,
        response: { 200: Application, ...errorResponses },
      },
    },
    async (request, reply) =>
      runOnce(
        deps,
        request,
        reply,
        {
          route: 'applications.create',
          action: 'loan.apply',
          keyRequired: false,
          prepare: () => decideApplication(deps, request, request.body as ApplyInput),
        },
        (trx, decided) => recordApplication(deps, trx, decided),
      ),
  );

  app.get(
    '/applications',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'My applications, newest first',
        headers: AuthHeaders,
        response: { 200: Type.Object({ items: Type.Array(Application) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listApplications(deps, request.userId) }),
  );

  app.get(
    '/applications/:id',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'One application with its decision and offer',
        headers: AuthHeaders,
        params: Type.Object({ id: Id }),
        response: { 200: Application, ...errorResponses },
      },
    },
    async (request) => getApplication(deps, request.userId, (request.params as { id: string }).id),
  );
}
