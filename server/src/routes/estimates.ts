import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { AuthHeaders, Body, bearer, errorResponses, Id } from '../schemas';
import { enterpriseView, ownEnterprise } from '../services/customers';
import { POLICY } from '../services/underwriting/credit-policy';

// 测额: a limit range from the enterprise's own data with the same revenue rule the credit policy
// uses, so the estimate never promises more than an approval could give. It is not a decision:
// no credit report is queried, nothing is stored, and the answer says so in words.
const EstimateBody = Body({
  enterpriseId: Type.Optional(Id),
});
const Estimate = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  minFen: Type.Integer(),
  maxFen: Type.Integer(),
  annualRate: Type.String({ description: 'indicative annual simple rate, decimal' }),
  basis: Type.String({ description: 'the plain rule behind the range' }),
  notApproval: Type.Literal(true),
  note: Type.String(),
});

/** The low end is this share of the high end: the approval can come out lower than the top. */
const LOW_SHARE = 0.5;
export const ESTIMATE_NOTE = '测额结果不是审批结果，最终额度以审批为准';

export function estimateRange(annualRevenueFen: number): { minFen: number; maxFen: number } {
  const step = POLICY.stepFen;
  const byRevenue = Math.floor((annualRevenueFen * POLICY.revenueShare) / step) * step;
  const maxFen = Math.min(byRevenue, POLICY.productMaxFen);
  if (maxFen < POLICY.minLimitFen) return { minFen: 0, maxFen: 0 };
  const minFen = Math.max(POLICY.minLimitFen, Math.floor((maxFen * LOW_SHARE) / step) * step);
  return { minFen, maxFen };
}

export default async function estimateRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/estimates',
    {
      preHandler: deps.authenticate,
      schema: {
        tags: ['estimates'],
        security: bearer,
        summary: 'Limit estimate (测额) from my enterprise data; not an approval, nothing stored',
        headers: AuthHeaders,
        body: EstimateBody,
        response: { 200: Estimate, ...errorResponses },
      },
    },
    async (request) => {
      const { enterpriseId } = (request.body ?? {}) as Static<typeof EstimateBody>;
      let row;
      if (enterpriseId) row = await ownEnterprise(deps.db, request.userId, enterpriseId);
      else
        row = await deps.db
          .selectFrom('enterprises')
          .selectAll()
          .where('user_id', '=', request.userId)
          .orderBy('created_at')
          .executeTakeFirst();
      if (!row) throw new AppError(409, 'ENTERPRISE_REQUIRED', '请先填写企业信息，再测额');
      const e = enterpriseView(row);
      const range = estimateRange(e.annualRevenueFen);
      return {
        enterpriseId: e.id,
        enterpriseName: e.name,
        ...range,
        annualRate: POLICY.baseAnnualRate,
        basis: '按企业年营业收入的20%估算，单户最高300万元',
        notApproval: true as const,
        note: ESTIMATE_NOTE,
      };
    },
  );
}
