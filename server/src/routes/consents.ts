import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { CONSENT_PURPOSES, consentStatus, grantConsent, withdrawConsent } from '../services/consents';
import { AuthHeaders, Body, bearer, errorResponses, IsoTime } from '../schemas';

const Purpose = Type.Union(CONSENT_PURPOSES.map((p) => Type.Literal(p)));
const GrantBody = Body({
  purpose: Purpose,
  version: Type.String({ pattern: '^[0-9A-Za-z.-]{1,32}$', description: 'version of the notice the user read' }),
});
const ConsentRecord = Type.Object({
  id: Type.String(),
  purpose: Type.String(),
  version: Type.String(),
  grantedAt: IsoTime,
  withdrawnAt: Type.Union([IsoTime, Type.Null()]),
});
const ConsentState = Type.Object({
  current: Type.Array(
    Type.Object({ purpose: Type.String(), granted: Type.Boolean(), version: Type.Union([Type.String(), Type.Null()]) }),
  ),
  history: Type.Array(ConsentRecord),
});

export default async function consentRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['consents'], security: bearer, headers: AuthHeaders };
  app.get(
    '/consents',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Current consent per purpose and the full history',
        response: { 200: ConsentState, ...errorResponses },
      },
    },
    async (request) => consentStatus(deps.db, request.userId),
  );

  app.post(
    '/consents',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Grant consent for one purpose at a notice version',
        body: GrantBody,
        response: { 200: ConsentRecord, ...errorResponses },
      },
    },
    async (request) => {
      const { purpose, version } = request.body as Static<typeof GrantBody>;
      return grantConsent(deps.db, deps.clock, request.userId, purpose, version);
    },
  );

  app.post(
    '/consents/:purpose/withdraw',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Withdraw consent for a purpose (takes effect at once)',
        params: Type.Object({ purpose: Purpose }),
        response: { 200: ConsentState, ...errorResponses },
      },
    },
    async (request) => {
      const { purpose } = request.params as { purpose: (typeof CONSENT_PURPOSES)[number] };
      await withdrawConsent(deps.db, deps.clock, request.userId, purpose);
      return consentStatus(deps.db, request.userId);
    },
  );
}
