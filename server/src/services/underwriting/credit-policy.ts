import { actualDays, bpToRate, CREDIT_LOAN_PRODUCT, validateResidentId } from '../../domain';
import type { Decision, DecisionReason, Underwriter, UnderwritingInput } from './underwriter';

/** Tunables of the plain policy; numbers a credit committee would set. */
export const POLICY = {
  baseAnnualRate: bpToRate(CREDIT_LOAN_PRODUCT.baseAnnualRateBp),
  /** Limit = this share of annual revenue, capped by the product maximum. */
  revenueShare: 0.2,
  productMaxFen: CREDIT_LOAN_PRODUCT.maxLimitFen,
  minLimitFen: CREDIT_LOAN_PRODUCT.minLimitFen,
  stepFen: CREDIT_LOAN_PRODUCT.stepFen,
  minAge: 18,
  maxAge: 65,
  /** Enterprises younger than this are rejected; younger than `reviewBelowMonths` go to review. */
  rejectBelowMonths: 3,
  reviewBelowMonths: 12,
} as const;

/** Plain-language categories (never the rule itself), PIPL Art. 24. */
const CATEGORY = {
  business: '企业经营情况暂不满足本产品要求',
  applicant: '申请人条件暂不满足本产品要求',
  review: '需要进一步核实部分信息',
} as const;

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * The credit policy: the business rules only (applicant age, enterprise age, revenue → limit, who
 * applies, face check). Device and behaviour signals are the risk engine's; the bank's underwriter
 * runs both (risk-underwriter.ts).
 */
export function createCreditPolicy(policy = POLICY): Underwriter {
  return {
    async decide(input: UnderwritingInput): Promise<Decision> {
      const rejects: DecisionReason[] = [];
      const reviews: DecisionReason[] = [];
      const { today } = input.context;

      const id = validateResidentId(input.customer.idNumber, { today });
      const age = id.ok ? ageOn(id.value.birthDate, today) : -1;
      if (age < policy.minAge || age > policy.maxAge)
        rejects.push({ code: 'APPLICANT_AGE_OUT_OF_RANGE', detail: `age ${age}` });

      const months = Math.floor(actualDays(input.enterprise.registrationDate, today) / 30.44);
      if (months < policy.rejectBelowMonths) rejects.push({ code: 'ENTERPRISE_TOO_YOUNG', detail: `${months} months` });
      else if (months < policy.reviewBelowMonths)
        reviews.push({ code: 'ENTERPRISE_YOUNG', detail: `${months} months` });

      const byRevenue =
        Math.floor((input.enterprise.annualRevenueFen * policy.revenueShare) / policy.stepFen) * policy.stepFen;
      const limitFen = Math.min(byRevenue, policy.productMaxFen);
      if (limitFen < policy.minLimitFen) rejects.push({ code: 'REVENUE_TOO_LOW', detail: `limit ${limitFen}` });

      if (input.enterprise.applicantRole !== 'legal_rep')
        reviews.push({ code: 'AUTHORISED_APPLICANT', detail: 'not the legal representative' });
      if (!input.customer.faceVerified) reviews.push({ code: 'FACE_NOT_VERIFIED', detail: 'no face verification' });

      if (rejects.length) {
        const category = rejects[0].code === 'APPLICANT_AGE_OUT_OF_RANGE' ? CATEGORY.applicant : CATEGORY.business;
        return { decision: 'reject', reasons: [...rejects, ...reviews], category };
      }
      if (reviews.length) return { decision: 'review', reasons: reviews, category: CATEGORY.review };
      const reasons: DecisionReason[] = [];
      const approvedLimit = Math.min(input.application.amountFen, limitFen);
      if (approvedLimit < input.application.amountFen)
        reasons.push({ code: 'LIMIT_CAPPED_BY_REVENUE', detail: `capped at ${limitFen}` });
      return {
        decision: 'approve',
        reasons,
        category: null,
        offer: { limitFen: approvedLimit, annualRate: policy.baseAnnualRate },
      };
    },
  };
}
