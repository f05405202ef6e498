import type { EngineDecision, RiskEngine } from '@lingjie/risk-sdk/engine';
import { createCreditPolicy } from './credit-policy';
import type { Decision, DecisionOutcome, Underwriter } from './underwriter';

const RANK: Record<DecisionOutcome, number> = { approve: 0, review: 1, reject: 2 };

/** When the engine decides without a customer text of its own (a forced outcome with no hit). */
const FALLBACK_CATEGORY = { review: '需要进一步核实部分信息', reject: '本次申请暂不满足本产品要求' } as const;

function isApplicationOutcome(o: string): o is DecisionOutcome {
  return o in RANK;
}

/**
 * Credit policy + risk engine → one decision: the more severe outcome wins (a tie goes to the credit
 * policy, whose business reasons are the plainer explanation). Reasons come from both, the deciding
 * side's first; engine reasons carry their code and the staff text. The customer sees the category
 * of whichever side decided (the engine's is its plain category text, never a rule). An offer is
 * made only when both approve.
 */
export function combineDecisions(credit: Decision, risk: EngineDecision): Decision {
  if (!isApplicationOutcome(risk.outcome)) {
    throw new TypeError(`risk engine gave ${risk.outcome} for an application`);
  }
  const engineDecides = RANK[risk.outcome] > RANK[credit.decision];
  const decision = engineDecides ? risk.outcome : credit.decision;
  const riskReasons = risk.reasons.map((r) => ({ code: r.code, detail: r.text }));
  const reasons = engineDecides ? [...riskReasons, ...credit.reasons] : [...credit.reasons, ...riskReasons];
  const category =
    decision === 'approve'
      ? null
      : engineDecides
        ? (risk.customerText ?? FALLBACK_CATEGORY[decision])
        : credit.category;
  return {
    decision,
    reasons,
    category,
    ...(decision === 'approve' && credit.offer ? { offer: credit.offer } : {}),
    riskDecisionId: risk.record.decisionId,
  };
}

/** The sandbox bank's underwriter: both run on every application. */
export function createRiskUnderwriter(opts: { engine: RiskEngine; policy?: Underwriter }): Underwriter {
  const policy = opts.policy ?? createCreditPolicy();
  return {
    async decide(input) {
      const [credit, risk] = await Promise.all([
        policy.decide(input),
        opts.engine.decide({
          token: input.risk,
          context: {
            action: 'loan.apply',
            ip: input.context.ip,
            userId: input.context.userId,
            amountFen: input.application.amountFen,
            // In clear: the engine hashes them with its identity key before anything is stored.
            identities: {
              residentId: input.customer.idNumber,
              uscc: input.enterprise.uscc,
              ...(input.customer.phone ? { phone: input.customer.phone } : {}),
            },
            // What the bank's own records say about these identities (issue 8 point 5).
            identityFacts: { usccSharedWithOtherCustomer: input.enterprise.usccSharedWithOtherCustomer ?? false },
          },
        }),
      ]);
      return combineDecisions(credit, risk);
    },
  };
}
