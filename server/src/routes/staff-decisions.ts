import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { APPLICATION_OUTCOMES, MONEY_OUTCOMES } from '@lingjie/risk-sdk/engine';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { Body, ErrorRef, errorResponses, Id, IsoTime } from '../schemas';
import { decisionContext, revealCustomer } from '../services/decision-context';
import { Reason, staffRoute } from '../staff/route-kit';
import { decisionStreamer } from '../staff/decision-stream';
import { DecisionId } from './step-up';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const open = { additionalProperties: true } as const;

const Customer = Type.Object(
  {
    userId: Type.String(),
    name: Nullable(Type.String()),
    idNumber: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    masked: Type.Boolean({ description: 'false only in the answer of the reveal route' }),
  },
  open,
);

const Context = Type.Object(
  {
    decisionId: Type.String(),
    customer: Nullable(Customer),
    application: Nullable(
      Type.Object(
        {
          id: Type.String(),
          status: Type.String(),
          amountFen: Type.Integer(),
          termMonths: Type.Integer(),
          createdAt: IsoTime,
        },
        open,
      ),
    ),
    hold: Nullable(Type.Object({ decisionId: Type.String(), status: Type.String() }, open)),
    reviews: Type.Array(Type.Object({ id: Type.String(), status: Type.String() }, open)),
    device: Nullable(
      Type.Object(
        {
          key: Type.String({ description: 'keyed hash of the device' }),
          identities: Type.Array(
            Type.Composite([Customer, Type.Object({ decisions: Type.Integer(), lastAt: IsoTime })], open),
          ),
        },
        open,
      ),
    ),
  },
  open,
);

const OUTCOMES = [...APPLICATION_OUTCOMES, ...MONEY_OUTCOMES] as readonly string[];
export const StreamQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('application'), Type.Literal('money')])),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    outcome: Type.Optional(Type.Union(OUTCOMES.map((o) => Type.Literal(o)))),
  },
  { additionalProperties: false },
);

/**
 * The console's decision views beyond the engine's own records (staff-risk.ts): the live stream,
 * the people and device behind a decision (masked), and revealing one customer's identifiers —
 * supervisors only, with a reason that goes to the audit log.
 */
export default async function staffDecisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = staffRoute(deps, 'risk.read', 'staff');
  const stream = decisionStreamer(app, deps.decisionFeed);

  app.get(
    '/staff/stream/decisions',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary:
          'Live decisions (Server-Sent Events, `Accept: text/event-stream`): one `decision` event per application or money-move decision as it is made, with outcome, score, channel and reasons; a comment every 15 s keeps the line open',
        querystring: StreamQuery,
        response: {
          200: {
            description: 'text/event-stream; each `data:` is a JSON decision summary',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          406: ErrorRef,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const accept = request.headers.accept ?? '';
      if (!accept.includes('text/event-stream'))
        throw new AppError(
          406,
          'NOT_ACCEPTABLE',
          '实时决策流须以 Server-Sent Events 订阅（Accept: text/event-stream）',
        );
      stream(request, reply, request.query as Static<typeof StreamQuery>);
      return reply;
    },
  );

  app.get(
    '/staff/decisions/:id/context',
    {
      onRequest: read.onRequest,
      schema: {
        ...read.common,
        summary:
          'Beside a decision record: the customer (masked), the application it decided, its hold, reviews of it, and the device with every identity seen on it (masked)',
        params: Type.Object({ id: DecisionId }),
        response: { 200: Context, ...errorResponses },
      },
    },
    async (request) => decisionContext(deps, (request.params as { id: string }).id),
  );

  const reveal = staffRoute(deps, 'customers.reveal', 'staff');
  const RevealBody = Body({ reason: Reason });
  app.post(
    '/staff/customers/:userId/reveal',
    {
      onRequest: reveal.onRequest,
      config: { audit: 'customer.reveal' },
      schema: {
        ...reveal.common,
        summary:
          "A customer's name, resident ID and phone in clear — supervisors only, with the reason recorded in the audit log",
        params: Type.Object({ userId: Id }),
        body: RevealBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (request) => revealCustomer(deps, (request.params as { userId: string }).userId),
  );
}
