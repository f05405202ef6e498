import { Type } from '@sinclair/typebox';
import type {
  ChannelBucket,
  ChannelCondition,
  ChannelStatus,
  DecisionRecord,
  SurgeAlert,
} from '@lingjie/risk-sdk/engine';
import { IsoTime } from '../schemas';
import { isoTime } from '../time';

// What the staff API shows of the engine's records: the engine's own shapes with its Unix-ms
// instants as ISO-8601 (+08:00), like every other time in the API. Objects stay open so a field the
// engine adds later reaches the console; the listed fields are the contract.
const open = { additionalProperties: true } as const;
const iso = (ms: number) => isoTime(ms);
const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoTime(ms));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Primitive = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const PrimitiveMap = Type.Object({}, { additionalProperties: Primitive });

export const Evidence = Type.Object(
  {
    count: Type.Optional(Type.Number({ description: 'applications in the test window' })),
    expected: Type.Optional(Type.Number({ description: 'expected from the baseline' })),
    pValue: Type.Optional(Type.Number({ description: 'Poisson upper tail of count given expected' })),
    approvalRate: Type.Optional(Nullable(Type.Number())),
    baselineApprovalRate: Type.Optional(Nullable(Type.Number())),
    riskShare: Type.Optional(Nullable(Type.Number())),
    windowMinutes: Type.Optional(Type.Number()),
  },
  open,
);

export const Condition = Type.Object(
  {
    id: Type.String(),
    channel: Type.String(),
    mode: Type.Union([Type.Literal('review'), Type.Literal('reject')]),
    from: IsoTime,
    until: Nullable(IsoTime),
    reason: Type.String(),
    setBy: Type.Union([Type.Literal('auto'), Type.Literal('staff')]),
    actor: Type.String(),
    alertId: Type.Optional(Type.String()),
    liftedAt: Type.Optional(IsoTime),
    liftedBy: Type.Optional(Type.String()),
    liftReason: Type.Optional(Type.String()),
  },
  open,
);

export const Channel = Type.Object(
  {
    channel: Type.String(),
    state: Type.Union(['normal', 'watch', 'lockdown', 'cool_down'].map((s) => Type.Literal(s))),
    condition: Nullable(Condition),
    evidence: Evidence,
  },
  open,
);

export const Bucket = Type.Object(
  {
    start: IsoTime,
    applications: Type.Integer(),
    approved: Type.Integer(),
    risky: Type.Integer({ description: 'applications with at least one risk reason' }),
  },
  open,
);

export const Alert = Type.Object(
  {
    id: Type.String(),
    channel: Type.String(),
    at: IsoTime,
    kind: Type.Union(['surge', 'lockdown', 'lockdown_lifted', 'cool_down'].map((k) => Type.Literal(k))),
    evidence: Type.Object({}, open),
    conditionId: Type.Optional(Type.String()),
  },
  open,
);

const RuleSetRef = Type.Object({ id: Type.String(), version: Type.Integer(), hash: Type.String() }, open);

const Rule = Type.Object(
  {
    code: Type.String(),
    ruleVersion: Type.Integer(),
    status: Type.Union(['hit', 'no_hit', 'exit', 'error'].map((s) => Type.Literal(s))),
    value: Nullable(Type.Number()),
    band: Nullable(Type.String()),
    weight: Type.Number(),
    force: Type.Optional(Type.String()),
    evidence: PrimitiveMap,
    text: Type.String({ description: 'zh-CN staff explanation' }),
    exit: Type.Optional(Type.String()),
  },
  open,
);

const decisionSummaryProps = {
  decisionId: Type.String(),
  at: IsoTime,
  action: Type.String(),
  channel: Type.String(),
  outcome: Type.String({ description: 'approve | review | reject | allow | step-up | hold | block' }),
  score: Type.Number(),
  forcedBy: Type.Optional(Type.String()),
  reasons: Type.Array(Type.String(), { description: 'hit codes, heaviest first' }),
  category: Nullable(Type.String()),
  ruleSet: RuleSetRef,
};

export const DecisionSummary = Type.Object(decisionSummaryProps, open);

export const Decision = Type.Object(
  {
    ...decisionSummaryProps,
    engineVersion: Type.String(),
    subjects: Type.Object({}, { additionalProperties: Type.String(), description: 'keyed hashes, never clear values' }),
    features: PrimitiveMap,
    rules: Type.Array(Rule),
  },
  open,
);

export function conditionView(c: ChannelCondition) {
  return {
    ...c,
    from: iso(c.from),
    until: isoOrNull(c.until),
    ...(c.liftedAt !== undefined ? { liftedAt: iso(c.liftedAt) } : {}),
  };
}

export function channelView(s: ChannelStatus) {
  return { ...s, condition: s.condition ? conditionView(s.condition) : null };
}

export function bucketView(b: ChannelBucket) {
  return { start: iso(b.start), applications: b.applications, approved: b.approved, risky: b.risky };
}

export function alertView(a: SurgeAlert) {
  return { ...a, at: iso(a.at) };
}

export function decisionSummaryView(d: DecisionRecord) {
  return {
    decisionId: d.decisionId,
    at: iso(d.at),
    action: d.action,
    channel: d.channel,
    outcome: d.outcome,
    score: d.score,
    ...(d.forcedBy ? { forcedBy: d.forcedBy } : {}),
    reasons: d.reasons,
    category: d.category,
    ruleSet: d.ruleSet,
  };
}

export function decisionView(d: DecisionRecord) {
  return { ...d, at: iso(d.at) };
}
