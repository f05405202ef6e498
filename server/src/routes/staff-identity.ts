import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { Body, errorResponses, Id } from '../schemas';
import { releaseResidentId } from '../services/customers';
import { Reason, staffRoute } from '../staff/route-kit';

const Released = Type.Object({
  userId: Type.String(),
  name: Type.String({ description: 'masked' }),
  idNumber: Type.String({ description: 'masked' }),
  idNumberReuse: Type.Literal('released'),
});

/**
 * Identity reuse through 人工服务 (issue 8 point 5): a resident ID is verified on one account only
 * (409 ID_NUMBER_IN_USE on a second); when staff have confirmed the owner, a supervisor releases it
 * from the account that holds it so the owner's other account can verify it. Audited (reason kept).
 */
export default async function staffIdentityRoutes(app: FastifyInstance, deps: AppDeps) {
  const release = staffRoute(deps, 'identity.release', 'staff');
  app.post(
    '/staff/customers/:userId/release-identity',
    {
      onRequest: release.onRequest,
      config: { audit: 'customer.release_identity' },
      schema: {
        ...release.common,
        summary:
          "Release a customer's verified resident ID so another account can verify it (after 人工服务 confirmed the owner) — supervisors only, with the reason in the audit log; the old record is kept (masked) and the old account gets a notice; 409 ID_NUMBER_NOT_HELD if already released",
        params: Type.Object({ userId: Id }),
        body: Body({ reason: Reason }),
        response: { 200: Released, ...errorResponses },
      },
    },
    async (request) => releaseResidentId(deps, (request.params as { userId: string }).userId),
  );
}
