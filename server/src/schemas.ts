import { Type, type TSchema } from '@sinclair/typebox';
import { ID_PATTERN } from './ids';

// Shared building blocks for route schemas. Limits are deliberately tight: a value outside them is
// a client error (400), never something that reaches the database or the money math.
export const Id = Type.String({ pattern: ID_PATTERN, description: 'opaque record id' });
export const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'amount in fen (分)' });
export const PositiveFen = Type.Integer({ minimum: 1, maximum: 100_000_000_000, description: 'amount in fen (分)' });
export const CalendarDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD (China Standard Time)',
});
export const IsoTime = Type.String({ description: 'ISO-8601 with offset' });
export const Rate = Type.String({
  pattern: '^0?\\.\\d{1,8}$',
  description: 'annual rate as a decimal string, e.g. "0.0435"',
});
export const Method = Type.Union(
  ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST', 'REVOLVING'].map((m) => Type.Literal(m)),
  { description: '等额本息 / 等额本金 / 先息后本 / 随借随还' },
);
export const AmortisingMethod = Type.Union(
  ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'].map((m) => Type.Literal(m)),
  { description: 'methods a loan can be drawn with (随借随还 is quoted only)' },
);
export const TermMonths = Type.Union([3, 6, 12, 24, 36].map((n) => Type.Literal(n)));

export const ErrorRef = Type.Ref('Error');
export const errorResponses = {
  400: ErrorRef,
  401: ErrorRef,
  403: ErrorRef,
  404: ErrorRef,
  409: ErrorRef,
  422: ErrorRef,
  428: ErrorRef,
  429: ErrorRef,
};

/** Object schema that refuses unknown fields: a typo in a field name is an error, not silently ignored. */
export function Body<T extends Record<string, TSchema>>(props: T) {
  return Type.Object(props, { additionalProperties: false });
}

export const AuthHeaders = Type.Object({ authorization: Type.Optional(Type.String({ maxLength: 200 })) });
export const MoneyHeaders = Type.Object({
  authorization: Type.Optional(Type.String({ maxLength: 200 })),
  'x-risk-token': Type.Optional(
    Type.String({
      maxLength: 65536,
      description:
        'SDK action token bound to this request: method, path with its resource ids, and body (bizHash, sdk/PROTOCOL.md §4.1)',
    }),
  ),
  'idempotency-key': Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{8,128}$', description: 'one key per intended money movement' }),
  ),
  'x-step-up-code': Type.Optional(
    Type.String({
      pattern: '^\\d{6}$',
      description: 'SMS code (purpose risk.step_up) answering a 428 RISK_STEP_UP on this action',
    }),
  ),
});
export const bearer = [{ bearerAuth: [] }];
