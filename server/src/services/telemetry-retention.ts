import { sql } from 'kysely';
import { SIGNAL_DOCS, type SignalName } from '@lingjie/risk-sdk';
import type { Db } from '../db/connect';
import { KIND_SIGNALS, TELEMETRY_KINDS, type TelemetryKind } from './telemetry-kinds';

const DAY_MS = 86_400_000;

/** The shortest retention the notice states for any of `signals` (deleting sooner keeps the promise). */
const retentionOf = (signals: readonly SignalName[]): number =>
  Math.min(...signals.map((n) => SIGNAL_DOCS[n].retentionDays));

/** One deletion rule: rows of `kind` older than `days`; with `section`, only rows whose data carries it. */
export interface RetentionRule {
  kind: TelemetryKind | null;
  section?: string;
  days: number;
}

/**
 * How long the bank keeps each kind of telemetry: the notice's retention (sdk/SIGNALS.md, from
 * the SDK's manifest) of the signals the kind carries — the shortest of them, since one row holds
 * them all. A behaviour summary with a `sensors` section goes at the sensors' retention. Rows of
 * a kind no longer on the list (`kind: null`) go at the shortest retention of any signal.
 */
export const TELEMETRY_RETENTION: readonly RetentionRule[] = [
  ...(Object.entries(KIND_SIGNALS) as Array<[TelemetryKind, (typeof KIND_SIGNALS)[TelemetryKind]]>).flatMap(
    ([kind, { signals, sections }]) => [
      ...Object.entries(sections ?? {}).map(([section, more]) => ({
        kind,
        section,
        days: retentionOf([...signals, ...more]),
      })),
      { kind, days: retentionOf(signals) },
    ],
  ),
  { kind: null, days: retentionOf(Object.keys(SIGNAL_DOCS) as SignalName[]) },
];

/** Rows deleted per statement: short statements, so the ingest path never waits long on a purge. */
const PURGE_BATCH = 5_000;

/**
 * Deletes the telemetry past its retention at `now`; answers the number of rows deleted. In
 * batches of 5,000 (ctid lists), each its own statement; safe to run on several instances at once.
 */
export async function purgeTelemetry(db: Db, now: Date): Promise<number> {
  let deleted = 0;
  for (const rule of TELEMETRY_RETENTION) {
    const cutoff = new Date(now.getTime() - rule.days * DAY_MS);
    const which =
      rule.kind === null
        ? sql`kind not in (${sql.join(TELEMETRY_KINDS.map((k) => sql`${k}`))})`
        : rule.section
          ? sql`kind = ${rule.kind} and payload -> 'data' ? ${rule.section}`
          : sql`kind = ${rule.kind}`;
    for (;;) {
      const r = await sql`
        delete from telemetry_events where ctid = any(array(
          select ctid from telemetry_events
          where received_at < ${cutoff.toISOString()}::timestamptz and ${which}
          limit ${PURGE_BATCH}))`.execute(db);
      const n = Number(r.numAffectedRows ?? 0);
      deleted += n;
      if (n < PURGE_BATCH) break;
    }
  }
  return deleted;
}
