import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { customerView, getCustomer, setRealName, verifyFace } from '../services/customers';
import { AuthHeaders, Body, bearer, errorResponses, IsoTime } from '../schemas';

const RealNameBody = Body({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  idNumber: Type.String({ minLength: 1, maxLength: 32, description: 'resident ID (GB 11643)' }),
});
const FaceBody = Body({ passed: Type.Boolean({ description: 'sandbox: the simulated liveness/face-match outcome' }) });
const Customer = Type.Object({
  name: Type.String(),
  idNumber: Type.String({ description: 'masked' }),
  verifiedAt: IsoTime,
  faceVerified: Type.Boolean(),
});

export default async function customerRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['customer'], security: bearer, headers: AuthHeaders };
  app.get(
    '/customer',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'My real-name record; null before real-name verification (a normal state, not an error)',
        response: { 200: Type.Union([Customer, Type.Null()]), ...errorResponses },
      },
    },
    async (request) => {
      const c = await getCustomer(deps.db, request.userId);
      return c ? customerView(deps.pii, c) : null;
    },
  );

  app.post(
    '/customer/real-name',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Real-name verification (name + resident ID)',
        body: RealNameBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body as Static<typeof RealNameBody>;
      return setRealName(deps, request.userId, b.name, b.idNumber);
    },
  );

  app.post(
    '/customer/face',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Face verification (sandbox simulation)',
        body: FaceBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (request) =>
      verifyFace(deps.db, deps.pii, deps.clock, request.userId, (request.body as Static<typeof FaceBody>).passed),
  );
}
