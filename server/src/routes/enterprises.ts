import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { addEnterprise, enterpriseView, ownEnterprise } from '../services/customers';
import { AuthHeaders, Body, bearer, CalendarDate, errorResponses, Fen, Id, IsoTime } from '../schemas';

const EnterpriseBody = Body({
  uscc: Type.String({ minLength: 1, maxLength: 30, description: '统一社会信用代码' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  legalRepName: Type.String({ minLength: 1, maxLength: 60 }),
  registrationDate: CalendarDate,
  industry: Type.String({ minLength: 1, maxLength: 50 }),
  annualRevenueFen: Fen,
  employees: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  authorisationRef: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: "reference of the legal representative's authorisation" }),
  ),
});
const Enterprise = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  legalRepName: Type.String(),
  registrationDate: Type.String(),
  industry: Type.String(),
  annualRevenueFen: Type.Integer(),
  employees: Type.Integer(),
  applicantRole: Type.String(),
  createdAt: IsoTime,
});

export default async function enterpriseRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['enterprises'], security: bearer, headers: AuthHeaders };
  app.get(
    '/enterprises',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'My enterprises',
        response: { 200: Type.Object({ items: Type.Array(Enterprise) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await deps.db
        .selectFrom('enterprises')
        .selectAll()
        .where('user_id', '=', request.userId)
        .orderBy('created_at')
        .execute();
      return { items: rows.map(enterpriseView) };
    },
  );

  app.post(
    '/enterprises',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Add an enterprise (USCC checked)',
        body: EnterpriseBody,
        response: { 200: Enterprise, ...errorResponses },
      },
    },
    async (request) =>
      addEnterprise(deps.db, deps.clock, request.userId, request.body as Static<typeof EnterpriseBody>),
  );

  app.get(
    '/enterprises/:id',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'One of my enterprises',
        params: Type.Object({ id: Id }),
        response: { 200: Enterprise, ...errorResponses },
      },
    },
    async (request) =>
      enterpriseView(await ownEnterprise(deps.db, request.userId, (request.params as { id: string }).id)),
  );
}
