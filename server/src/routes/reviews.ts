import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { AuthHeaders, bearer, Body, errorResponses, Id, IsoTime } from '../schemas';
import { getOwnReview, listOwnReviews, submitReview } from '../services/reviews';
import { DecisionId } from './step-up';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Review = Type.Object(
  {
    id: Type.String(),
    subject: Type.Union([Type.Literal('application'), Type.Literal('decision')]),
    applicationId: Nullable(Type.String()),
    decisionId: Nullable(Type.String()),
    reason: Type.String(),
    status: Type.Union([Type.Literal('submitted'), Type.Literal('in_review'), Type.Literal('answered')]),
    createdAt: IsoTime,
    verdict: Nullable(Type.Union([Type.Literal('uphold'), Type.Literal('overturn')])),
    answer: Nullable(Type.String({ description: "the reviewer's explanation" })),
    answeredAt: Nullable(IsoTime),
  },
  { additionalProperties: true },
);

const ReviewBody = Body({
  applicationId: Type.Optional(Id),
  decisionId: Type.Optional(DecisionId),
  reason: Type.String({
    minLength: 1,
    maxLength: 500,
    pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]+$',
    description: 'why the customer asks for a person to look again',
  }),
});

/**
 * Human review of an automated decision (PIPL Art. 24), the customer's side: ask for it on a
 * rejected application (`applicationId`) or a blocked money move (`decisionId` from the 403
 * RISK_BLOCKED answer), and follow it: submitted → in_review → answered (uphold / overturn).
 */
export default async function reviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['reviews'], security: bearer, headers: AuthHeaders };
  app.post(
    '/reviews',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary:
          'Ask for a human review of a rejected application or a blocked money move (one open review per decision)',
        body: ReviewBody,
        response: { 201: Review, ...errorResponses },
      },
    },
    async (request, reply) => {
      const review = await submitReview(deps, request.userId, request.body as Static<typeof ReviewBody>);
      return reply.status(201).send(review);
    },
  );
  app.get(
    '/reviews',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'My review requests, newest first',
        response: { 200: Type.Object({ items: Type.Array(Review) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listOwnReviews(deps, request.userId) }),
  );
  app.get(
    '/reviews/:id',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'One of my review requests',
        params: Type.Object({ id: Id }),
        response: { 200: Review, ...errorResponses },
      },
    },
    async (request) => getOwnReview(deps, request.userId, (request.params as { id: string }).id),
  );
}
