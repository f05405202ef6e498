import type { FastifyRequest } from 'fastify';
import { MONEY_OUTCOMES, type EngineDecision, type MoneyOutcome } from '@lingjie/risk-sdk/engine';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { openHold, openStepUp, passStepUp, consumeReleasedHold } from './risk-challenges';

/** What the engine is told about a money move besides the token and the request. */
export interface MoneyMove {
  amountFen?: number;
  /** The receiving account, in clear (the engine hashes it), and when it was added. */
  account?: { accountNo: string; addedAt: Date };
}

/** Each answer says what happened and what to do next (the app shows it as is). */
export const MONEY_RISK_ZH = {
  RISK_STEP_UP: '为保障资金安全，本次操作需要短信验证：请获取验证码，输入后重新提交。',
  RISK_HELD:
    '本次操作已转人工审核，暂未生效，资金不会划转。工作人员将在 1 个工作日内完成审核并通知您，审核通过后请重新提交。',
  RISK_BLOCKED: '出于资金安全考虑，本次操作无法完成。如有疑问，请在“设置 > 人工服务”联系我们。',
} as const;

const severity = (o: MoneyOutcome) => MONEY_OUTCOMES.indexOf(o);

/**
 * Transaction risk on a money move, after its token was verified (or, for a repayment, found
 * absent) and before any work: the engine decides `allow | step-up | hold | block`.
 * - allow → returns;
 * - step-up → 428 RISK_STEP_UP with the decision id. The customer resubmits the same request with
 *   `X-Step-Up-Code`: a right code for this user and request lets it through once, without a new
 *   decision (it answers the decision already made; a second one would count the move twice);
 * - hold → 409 RISK_HELD (parked for staff), unless staff released an earlier hold of this action;
 * - block → 403 RISK_BLOCKED.
 * A repayment is never stopped beyond step-up (paying back is always possible): its rule set caps
 * it there, the bank caps it again here, and an engine failure lets it through.
 */
export async function screenMoneyMove(
  deps: AppDeps,
  request: FastifyRequest,
  action: string,
  move: MoneyMove,
  /** Identifies the request (route, params, body) a step-up is bound to. */
  requestHash: string,
): Promise<void> {
  const { userId } = request;
  const code = request.headers['x-step-up-code'];
  if (typeof code === 'string' && code.length > 0) {
    await passStepUp(deps, userId, action, requestHash, code);
    return;
  }
  const repay = action === 'repay';
  let decision: EngineDecision;
  try {
    decision = await deps.engine.decide({
      token: request.riskToken ?? null,
      context: {
        action,
        ip: request.ip,
        userId: request.userId,
        ...(move.account ? { identities: { account: move.account.accountNo } } : {}),
        ...(move.amountFen !== undefined ? { amountFen: move.amountFen } : {}),
        ...(move.account ? { accountAddedAt: move.account.addedAt.getTime() } : {}),
      },
    });
  } catch (err) {
    if (!repay) throw err;
    request.log.error({ err, action }, 'risk engine failed on a repayment: let through');
    return;
  }
  let outcome = decision.outcome as MoneyOutcome;
  if (repay && severity(outcome) > severity('step-up')) outcome = 'step-up';
  const decisionId = decision.record.decisionId;

  switch (outcome) {
    case 'allow':
      return;
    case 'step-up':
      await openStepUp(deps, userId, action, decisionId, requestHash);
      throw new AppError(428, 'RISK_STEP_UP', MONEY_RISK_ZH.RISK_STEP_UP, undefined, decisionId);
    case 'hold': {
      if (await consumeReleasedHold(deps, userId, action)) return;
      const held = await openHold(deps, userId, action, decisionId);
      throw new AppError(409, 'RISK_HELD', MONEY_RISK_ZH.RISK_HELD, undefined, held);
    }
    case 'block':
      // A person overturned an earlier block of this action on review (PIPL Art. 24): one resubmission passes.
      if (await consumeReleasedHold(deps, userId, action)) return;
      throw new AppError(403, 'RISK_BLOCKED', MONEY_RISK_ZH.RISK_BLOCKED, undefined, decisionId);
    default:
      throw new TypeError(`risk engine gave ${String(outcome)} for the money move ${action}`);
  }
}
