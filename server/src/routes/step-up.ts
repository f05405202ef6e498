import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { AuthHeaders, Body, bearer, errorResponses, IsoTime } from '../schemas';
import { sendStepUpSms } from '../services/risk-challenges';
import { perMinute } from './rate-limit';

export const DecisionId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'risk engine decision id' });
const StepUpSmsBody = Body({ decisionId: DecisionId });

/**
 * The customer's side of a step-up: after a money move answered 428 RISK_STEP_UP, the app asks for
 * the SMS code here (it goes to the bound phone only) and resubmits the move with `X-Step-Up-Code`.
 */
export default async function stepUpRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/risk/step-up/sms',
    {
      preHandler: deps.authenticate,
      config: perMinute(deps.rateLimits.sms),
      schema: {
        tags: ['risk'],
        summary:
          'Send the SMS code for a step-up (the decisionId of a 428 RISK_STEP_UP) to my bound phone; resubmit the move with X-Step-Up-Code',
        security: bearer,
        headers: AuthHeaders,
        body: StepUpSmsBody,
        response: {
          200: Type.Object({
            sent: Type.Boolean(),
            phone: Type.String({ description: 'masked bound phone the code went to' }),
            expiresAt: IsoTime,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { decisionId } = request.body as Static<typeof StepUpSmsBody>;
      return { sent: true, ...(await sendStepUpSms(deps, request.log, request.userId, decisionId)) };
    },
  );
}
