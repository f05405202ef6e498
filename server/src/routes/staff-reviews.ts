import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { Body, errorResponses, Id } from '../schemas';
import { answerReview, claimReview, getReview, listReviews, staffReviewView } from '../services/reviews';
import { customerIdentities } from '../services/decision-context';
import { Limit, Reason, staffRoute } from '../staff/route-kit';
import { staffOf } from '../staff/principal';
import { Review } from './reviews';

const StaffReview = Type.Composite(
  [
    Review,
    Type.Object({
      userId: Type.String(),
      claimedBy: Type.Union([Type.String(), Type.Null()]),
      claimedAt: Type.Union([Type.String(), Type.Null()]),
      answeredBy: Type.Union([Type.String(), Type.Null()]),
      customer: Type.Union([
        Type.Object(
          { name: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) },
          { additionalProperties: true },
        ),
        Type.Null(),
      ]),
    }),
  ],
  { additionalProperties: true },
);
const Status = Type.Union([Type.Literal('submitted'), Type.Literal('in_review'), Type.Literal('answered')]);
const Kind = Type.Union([Type.Literal('review'), Type.Literal('complaint')]);
const AnswerBody = Body({
  verdict: Type.Optional(
    Type.Union([Type.Literal('uphold'), Type.Literal('overturn')], {
      description:
        'reviews: uphold the automated decision, or overturn it (a rejected application is approved with its offer); complaints: none (400 VERDICT_NOT_ALLOWED)',
    }),
  ),
  reason: Reason,
});
const Params = Type.Object({ id: Id });

/** The human-review queue, staff side: list, take, answer (uphold / overturn with a reason). */
export default async function staffReviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = staffRoute(deps, 'risk.read', 'staff');
  const work = staffRoute(deps, 'reviews.answer', 'staff');
  const withCustomers = async (items: Array<ReturnType<typeof staffReviewView>>) => {
    const ids = await customerIdentities(
      deps,
      items.map((i) => i.userId),
    );
    return items.map((i) => {
      const c = ids.get(i.userId);
      return { ...i, customer: c ? { name: c.name, phone: c.phone } : null };
    });
  };

  app.get(
    '/staff/reviews',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'Human-review requests and complaints from customers (PIPL Art. 24), newest first; customers masked',
        querystring: Type.Object(
          { status: Type.Optional(Status), kind: Type.Optional(Kind), limit: Type.Optional(Limit) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(StaffReview) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query as { status?: Static<typeof Status>; kind?: Static<typeof Kind>; limit?: string };
      return {
        items: await withCustomers(
          await listReviews(deps, { status: q.status, kind: q.kind, limit: q.limit ? Number(q.limit) : undefined }),
        ),
      };
    },
  );

  app.get(
    '/staff/reviews/:id',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary: 'One review request',
        params: Params,
        response: { 200: StaffReview, ...errorResponses },
      },
    },
    async (request) =>
      (await withCustomers([staffReviewView(await getReview(deps, (request.params as { id: string }).id))]))[0],
  );

  app.post(
    '/staff/reviews/:id/claim',
    {
      onRequest: work.onRequest,
      config: { audit: 'review.claim' },
      schema: {
        ...work.common,
        summary: 'Take a submitted review (it goes to in_review, in my name)',
        params: Params,
        response: { 200: StaffReview, ...errorResponses },
      },
    },
    async (request) =>
      (
        await withCustomers([
          await claimReview(deps, (request.params as { id: string }).id, request.staffActor ?? 'staff'),
        ])
      )[0],
  );

  app.post(
    '/staff/reviews/:id/answer',
    {
      onRequest: work.onRequest,
      config: { audit: 'review.answer' },
      schema: {
        ...work.common,
        summary: 'Answer a review (uphold or overturn) or a complaint (no verdict), with the text the customer is told',
        params: Params,
        body: AnswerBody,
        response: { 200: StaffReview, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const answered = await answerReview(
        deps,
        (request.params as { id: string }).id,
        staff,
        request.body as Static<typeof AnswerBody>,
      );
      return (await withCustomers([answered]))[0];
    },
  );
}
