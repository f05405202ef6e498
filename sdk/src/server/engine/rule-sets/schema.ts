/**
 * The rule-set file: versioned configuration, schema-checked at load (see load-rule-set.ts for the
 * checks beyond the schema: known codes, pinned rule versions, ordered bands, params per rule).
 * A committed set is immutable; a change is a new version (`basedOn` the previous one).
 */
import { Type, type Static } from '@sinclair/typebox';

const Outcome = Type.Union([
  Type.Literal('approve'),
  Type.Literal('review'),
  Type.Literal('reject'),
  Type.Literal('allow'),
  Type.Literal('step-up'),
  Type.Literal('hold'),
  Type.Literal('block'),
]);

export const BandSchema = Type.Object(
  {
    /** Stable id of the band within the rule (b0, b1, …). */
    ref: Type.String({ minLength: 1, maxLength: 16 }),
    /** Values strictly below this fall in the band; the last band has no `below`. */
    below: Type.Optional(Type.Number()),
    /** Added to the score when the value falls in this band. 0 = no hit. */
    weight: Type.Number({ minimum: 0, maximum: 1000 }),
    /** Forces this outcome whatever the score (the most severe forced outcome wins). */
    force: Type.Optional(Outcome),
    /** zh-CN staff text; `{value}` and `{<evidence key>}` are filled in. */
    text: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const RuleConfigSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
    ruleVersion: Type.Integer({ minimum: 1 }),
    enabled: Type.Boolean(),
    params: Type.Record(Type.String(), Type.Unknown()),
    bands: Type.Array(BandSchema, { minItems: 1, maxItems: 8 }),
  },
  { additionalProperties: false },
);

export const RuleSetSchema = Type.Object(
  {
    /** e.g. `loan.apply`, `money.move`. */
    id: Type.String({ pattern: '^[a-z][a-z0-9.-]*$' }),
    version: Type.Integer({ minimum: 1 }),
    status: Type.Union([Type.Literal('draft'), Type.Literal('committed')]),
    basedOn: Type.Optional(Type.Integer({ minimum: 1 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    /** SDK actions this set decides. */
    actions: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    /** The outcome ladder, least to most severe; the first is the outcome of a score of 0. */
    outcomes: Type.Union([
      Type.Tuple([Type.Literal('approve'), Type.Literal('review'), Type.Literal('reject')]),
      Type.Tuple([Type.Literal('allow'), Type.Literal('step-up'), Type.Literal('hold'), Type.Literal('block')]),
    ]),
    /** Minimum score for each outcome after the first (e.g. `{review: 40, reject: 80}`), increasing along the ladder. */
    thresholds: Type.Record(Type.String(), Type.Number({ minimum: 0 })),
    /**
     * The most severe outcome this set may give (e.g. `step-up` for repayments: paying back is
     * always possible). Scores and forced outcomes beyond it are capped, and the cap is recorded.
     */
    maxOutcome: Type.Optional(Outcome),
    rules: Type.Array(RuleConfigSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type BandConfig = Static<typeof BandSchema>;
export type RuleConfig = Static<typeof RuleConfigSchema>;
export type RuleSetFile = Static<typeof RuleSetSchema>;
