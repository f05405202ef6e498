import { Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { SIGNAL_LEVELS, type SignalName } from '@lingjie/risk-sdk';

/** What a device snapshot may carry: every signal of the 'basic' level. */
const BASIC_SIGNALS = (Object.keys(SIGNAL_LEVELS) as SignalName[]).filter((n) => SIGNAL_LEVELS[n] === 'basic');

/**
 * The telemetry event kinds the bank stores, each with the schema of its `data` (issue #8 point 4).
 * Anything else in a telemetry batch is refused (and acknowledged, so the device drops it).
 *
 * - `snapshot` and `behaviour` are the SDK's own events (sdk/src/client.ts): the device signals of
 *   sdk/SIGNALS.md, and the on-device behaviour statistics (sdk/src/behaviour/capture.ts).
 * - The others are app events, sent with `risk.track(type, data)`: flat data of names and numbers
 *   (the SDK's type for `track` says so). A bank adds the kinds its app tracks here.
 */
const Num = Type.Number();
const Count = Type.Integer({ minimum: 0 });
const Welford = Type.Object({ n: Count, mean: Num, std: Num, min: Num, max: Num }, { additionalProperties: false });
const Name = (maxLength = 64) => Type.String({ minLength: 1, maxLength });

const FieldSummary = Type.Object(
  {
    focusCount: Count,
    dwellMs: Num,
    inputEvents: Count,
    charsTyped: Count,
    pastedChars: Count,
    finalLength: Count,
    pasteBursts: Count,
    deletions: Count,
    fillMs: Num,
    interval: Welford,
  },
  { additionalProperties: false },
);
const SensorSummary = Type.Object(
  { samples: Count, variance: Type.Tuple([Num, Num, Num]) },
  { additionalProperties: false },
);

/** `Partial<BehaviourSummary>`: only the sections the user granted leave the device. */
const Behaviour = Type.Object(
  {
    sinceLaunchMs: Type.Optional(Num),
    fields: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), FieldSummary, { maxProperties: 33 })),
    undeclaredFieldEvents: Type.Optional(Count),
    touch: Type.Optional(
      Type.Object(
        {
          count: Count,
          moves: Count,
          tapDuration: Welford,
          interTap: Welford,
          forceAvailable: Count,
          force: Welford,
          positionEntropy: Num,
          cellsUsed: Count,
        },
        { additionalProperties: false },
      ),
    ),
    pages: Type.Optional(
      Type.Object(
        {
          views: Count,
          dwell: Welford,
          sequence: Type.Array(Name(128), { maxItems: 32 }),
          dwellByPage: Type.Record(Type.String({ maxLength: 128 }), Num, { maxProperties: 32 }),
        },
        { additionalProperties: false },
      ),
    ),
    app: Type.Optional(Type.Object({ hides: Count, shows: Count, backgroundMs: Num }, { additionalProperties: false })),
    sensors: Type.Optional(
      Type.Object(
        { accelerometer: Type.Optional(SensorSummary), gyroscope: Type.Optional(SensorSummary) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** `Snapshot`: one collector result per signal of sdk/SIGNALS.md (the value's shape is the collector's). */
const Snapshot = Type.Record(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.]{0,63}$' }),
  Type.Union([
    Type.Object({ value: Type.Unknown(), duration: Num }, { additionalProperties: false }),
    Type.Object({ error: Type.String({ maxLength: 256 }), duration: Num }, { additionalProperties: false }),
  ]),
  { maxProperties: 48 },
);

/** What `track(type, data)` may carry: up to 16 names and numbers (never personal data). */
const AppEvent = Type.Record(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,31}$' }),
  Type.Union([Type.String({ maxLength: 256 }), Num, Type.Boolean()]),
  { maxProperties: 16 },
);

const KINDS = {
  snapshot: Snapshot,
  behaviour: Behaviour,
  // App events: a page shown, a tap (what the sandbox, tests and benchmarks track).
  'page.view': AppEvent,
  tap: AppEvent,
} satisfies Record<string, TSchema>;
export type TelemetryKind = keyof typeof KINDS;

/**
 * The notice's signals each kind carries (sdk/SIGNALS.md), which set how long the bank keeps it
 * (services/telemetry-retention.ts). A behaviour summary carries the motion sensors only in its
 * `sensors` section, so that section has its own (shorter) retention.
 */
export const KIND_SIGNALS: Record<
  TelemetryKind,
  { signals: readonly SignalName[]; sections?: Record<string, readonly SignalName[]> }
> = {
  snapshot: { signals: BASIC_SIGNALS },
  behaviour: {
    signals: ['behaviour.fields', 'behaviour.touch', 'behaviour.pages', 'behaviour.app'],
    sections: { sensors: ['sensors.motion'] },
  },
  'page.view': { signals: ['behaviour.pages'] },
  tap: { signals: ['behaviour.touch'] },
};

const checks = new Map<string, TypeCheck<TSchema>>(
  Object.entries(KINDS).map(([kind, schema]) => [kind, TypeCompiler.Compile(schema)]),
);

export const TELEMETRY_KINDS: readonly string[] = Object.keys(KINDS);

/** `unknown` when the kind is not on the list, `invalid` when its data does not fit, else null. */
export function checkEventData(kind: string, data: unknown): 'unknown' | 'invalid' | null {
  const check = checks.get(kind);
  if (!check) return 'unknown';
  // `track(type)` without data is allowed for app events; the SDK's own events always carry data.
  if (data === undefined) return (KINDS as Record<string, TSchema>)[kind] === AppEvent ? null : 'invalid';
  return check.Check(data) ? null : 'invalid';
}
