import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { AuthHeaders, bearer, Body, errorResponses, Id, IsoTime } from '../schemas';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../domain';
import { getOwnReview, listOwnReviews, submitComplaint, submitReview } from '../services/reviews';
import { perMinute } from './rate-limit';
import { DecisionId } from './step-up';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Review = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('review'), Type.Literal('complaint')], {
      description: 'a human review of an automated decision, or a complaint',
    }),
    category: Nullable(
      Type.String({ description: "a complaint's category (see POST /complaints); null for a review" }),
    ),
    subject: Type.Union([Type.Literal('application'), Type.Literal('decision'), Type.Literal('none')]),
    applicationId: Nullable(Type.String()),
    decisionId: Nullable(Type.String()),
    reason: Type.String({ description: "the customer's words: why to look again, or the complaint" }),
    status: Type.Union([Type.Literal('submitted'), Type.Literal('in_review'), Type.Literal('answered')]),
    createdAt: IsoTime,
    verdict: Nullable(Type.Union([Type.Literal('uphold'), Type.Literal('overturn')], { description: 'reviews only' })),
    answer: Nullable(Type.String({ description: "the reviewer's explanation" })),
    answeredAt: Nullable(IsoTime),
  },
  { additionalProperties: true },
);

const Text = (maxLength: number, description: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    // Control characters would not print in the console or the notice.
    pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]+$',
    description,
  });

const ComplaintBody = Body({
  category: Type.Union(
    (Object.keys(COMPLAINT_CATEGORIES) as ComplaintCategory[]).map((c) => Type.Literal(c)),
    {
      description: Object.entries(COMPLAINT_CATEGORIES)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · '),
    },
  ),
  text: Text(1000, 'what happened and what the customer asks for'),
  applicationId: Type.Optional(Id),
});

const ReviewBody = Body({
  applicationId: Type.Optional(Id),
  decisionId: Type.Optional(DecisionId),
  reason: Text(500, 'why the customer asks for a person to look again'),
});

/**
 * Human review of an automated decision (PIPL Art. 24), the customer's side: ask for it on a
 * rejected application (`applicationId`) or a blocked money move (`decisionId` from the 403
 * RISK_BLOCKED answer), and follow it: submitted → in_review → answered (uphold / overturn).
 * Complaints go the same way (`POST /complaints`, answered in writing); `GET /reviews` lists both.
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
        summary: 'My review requests and complaints, newest first',
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
        summary: 'One of my review requests or complaints',
        params: Type.Object({ id: Id }),
        response: { 200: Review, ...errorResponses },
      },
    },
    async (request) => getOwnReview(deps, request.userId, (request.params as { id: string }).id),
  );
  app.post(
    '/complaints',
    {
      preHandler: deps.authenticate,
      config: perMinute(10),
      schema: {
        ...common,
        summary:
          'File a complaint online (category, text, optionally the application): submitted → in_review → answered in writing, with notices',
        body: ComplaintBody,
        response: { 201: Review, ...errorResponses },
      },
    },
    async (request, reply) => {
      const complaint = await submitComplaint(deps, request.userId, request.body as Static<typeof ComplaintBody>);
      return reply.status(201).send(complaint);
    },
  );
}
