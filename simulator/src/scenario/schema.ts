/**
 * The scenario file format (YAML or JSON), checked with TypeBox. Only the shape lives here; what
 * a schema cannot say (names that must exist, step prerequisites, times in order) is checked in
 * load.ts, with the same line-numbered errors.
 */
import { type Static, Type } from '@sinclair/typebox';

/** The journey, in the order the app walks it; a population may take any prefix-closed subset. */
export const STEPS = ['consent', 'login', 'real-name', 'enterprise', 'apply', 'sign', 'drawdown', 'repay'] as const;
export type Step = (typeof STEPS)[number];

export const IP_KINDS = ['own', 'office-nat', 'vpn', 'farm-subnet', 'random'] as const;
export type IpKind = (typeof IP_KINDS)[number];

export const ARRIVAL_SHAPES = ['uniform', 'burst', 'ramp', 'bell'] as const;
export type ArrivalShape = (typeof ARRIVAL_SHAPES)[number];

/** A union of string literals that keeps its literal type (a mapped array would widen to string). */
const literals = <T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );

/** `HH:MM` on the scenario's day, or `Nd HH:MM` N days later (e.g. `1d 09:30`). */
const TimeOfDay = Type.String({
  pattern: '^(\\d+d )?([01]\\d|2[0-3]):[0-5]\\d$',
  description: 'a time as HH:MM, or "Nd HH:MM" N days after the scenario date',
});

const Name = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,47}$', description: 'lower-case letters, digits and -' });

const Behaviour = Type.Union(
  [
    Type.String({ minLength: 1 }),
    Type.Object({ model: Type.String({ minLength: 1 }) }, { additionalProperties: true }),
  ],
  { description: 'a behaviour model name, or {model: <name>, …params}' },
);

const IpPool = Type.Union(
  [
    literals(IP_KINDS, `one of ${IP_KINDS.join(', ')}`),
    Type.Object(
      {
        kind: literals(IP_KINDS, `one of ${IP_KINDS.join(', ')}`),
        /** Populations naming the same pool share its addresses (one office, one VPN). */
        name: Type.Optional(Name),
        /** vpn: egress addresses (default 2). */
        size: Type.Optional(Type.Integer({ minimum: 1, maximum: 254 })),
      },
      { additionalProperties: false },
    ),
  ],
  { description: `an IP pool: ${IP_KINDS.join(', ')}, or {kind, name?, size?}` },
);

const IdentityPool = Type.Union(
  [
    Type.Literal('unique'),
    Type.Object(
      {
        /** A named list of identities reused by every population that names it. */
        pool: Name,
        size: Type.Integer({ minimum: 1, maximum: 100_000 }),
      },
      { additionalProperties: false },
    ),
  ],
  { description: '"unique" (a new identity per applicant) or {pool: <name>, size: N}' },
);

const Device = Type.Object(
  {
    /** A profile name from the SDK's PROFILES, or a list to draw from per device. */
    profile: Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })], {
      description: 'a profile name or a list of names',
    }),
    /** Fields merged onto the profile (nested objects merge one level deep). */
    overrides: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

const Arrivals = Type.Object(
  {
    start: TimeOfDay,
    end: TimeOfDay,
    shape: Type.Optional(literals(ARRIVAL_SHAPES, `one of ${ARRIVAL_SHAPES.join(', ')}`)),
  },
  { additionalProperties: false },
);

export const PopulationSchema = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.String()),
    count: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    /** Launch channel the SDK reports (the surge detector counts per channel). */
    channel: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
    /** WeChat launch scene; default the profile's. */
    scene: Type.Optional(Type.Integer({ minimum: 0, maximum: 99_999 })),
    device: Device,
    /** Physical devices shared by the applicants, in turn (default: one each). */
    devices: Type.Optional(Type.Integer({ minimum: 1 })),
    behaviour: Behaviour,
    identities: Type.Optional(IdentityPool),
    ip: Type.Optional(IpPool),
    arrivals: Arrivals,
    steps: Type.Array(literals(STEPS, `one of ${STEPS.join(', ')}`), { minItems: 1 }),
    /** Applicant age range, years (default 25–58). */
    age: Type.Optional(Type.Tuple([Type.Integer({ minimum: 18 }), Type.Integer({ maximum: 100 })])),
    /** Amount applied for, yuan: [min, max] (default 50,000–300,000). */
    amountYuan: Type.Optional(Type.Tuple([Type.Integer({ minimum: 1000 }), Type.Integer({ maximum: 3_000_000 })])),
  },
  { additionalProperties: false },
);

export const ScenarioSchema = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.String()),
    /** The simulated business day (Beijing time), YYYY-MM-DD. Default 2026-03-10. */
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    /** Default seed (the CLI's --seed wins). */
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295 })),
    /** Keep the clock running (and channel states sampled) until this time, e.g. to see a lockdown lift. */
    until: Type.Optional(TimeOfDay),
    report: Type.Optional(
      Type.Object(
        { bucketMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })) },
        { additionalProperties: false },
      ),
    ),
    populations: Type.Array(PopulationSchema, { minItems: 1 }),
    expect: Type.Object(
      {
        /** Populations that are fraud: they should not get money (review, reject, refusal, step-up, hold or block). */
        fraud: Type.Array(Name),
        /** Populations that are genuine: they must not be rejected or blocked. */
        genuine: Type.Array(Name),
        /** The article's surge: the population that surges and the channel it comes through. */
        surge: Type.Optional(
          Type.Object(
            {
              population: Name,
              channel: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
              /** Detection must come within this many simulated minutes of onset (default 5). */
              withinMinutes: Type.Optional(Type.Number({ minimum: 0 })),
            },
            { additionalProperties: false },
          ),
        ),
        /** Targets the checks use (defaults 0.98 and 0.01). */
        detectionRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
        falseRejectRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type ScenarioFile = Static<typeof ScenarioSchema>;
export type PopulationFile = Static<typeof PopulationSchema>;
