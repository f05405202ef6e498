import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { Insertable } from 'kysely';
import { createBatcher, type Batcher } from '../db/batcher';
import type { TelemetryEventsTable } from '../db/types';
import type { RiskGate } from '../risk/gate';
import { AppError } from '../errors';
import { riskReasonMessage } from '../risk/gate';
import { inspectJson } from '../json-guards';
import { checkEventData } from './telemetry-kinds';

/**
 * Limits on what one telemetry token may carry (issue #8 point 4). The SDK sends batches of 20
 * events (its `transport.batchSize` default); a snapshot or behaviour summary is a few KB and
 * nests 6 levels at most (fingerprint components included).
 */
export const TELEMETRY_LIMITS = {
  /** Events in one token; more is a 400 for the whole token. */
  maxEventsPerToken: 50,
  /** One event as JSON, bytes (UTF-8). */
  maxEventBytes: 32_768,
  /** Nesting inside an event's `data`. */
  maxEventDepth: 10,
} as const;

interface TelemetryEvent {
  id: string;
  t?: number;
  type: string;
  data?: unknown;
}

/** Why an event was not stored (it is acknowledged all the same: sending it again cannot help). */
export type EventRefusal =
  | 'EVENT_KIND_UNKNOWN'
  | 'EVENT_INVALID'
  | 'EVENT_TOO_LARGE'
  | 'EVENT_TOO_DEEP'
  | 'EVENT_FORBIDDEN_KEY'
  | 'EVENT_BAD_TEXT';

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EVENT_FIELDS = new Set(['id', 't', 'type', 'data']);

/**
 * The batch the SDK seals into a telemetry token: `{v, events: [{id, t, type, data?}], dropped}`.
 * An event without a usable id cannot be acknowledged one by one, so it spoils the whole token.
 */
function eventsOf(payload: unknown): TelemetryEvent[] {
  const events = (payload as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new AppError(400, 'PAYLOAD_INVALID', '遥测数据格式不正确：缺少事件列表');
  if (events.length > TELEMETRY_LIMITS.maxEventsPerToken)
    throw new AppError(
      400,
      'TELEMETRY_TOO_MANY_EVENTS',
      `一次最多上报 ${TELEMETRY_LIMITS.maxEventsPerToken} 条遥测事件（本次 ${events.length} 条），请分批上报`,
      'events',
    );
  for (const e of events) {
    const id = (e as { id?: unknown } | null)?.id;
    if (!e || typeof e !== 'object' || Array.isArray(e) || typeof id !== 'string' || !EVENT_ID.test(id))
      throw new AppError(400, 'PAYLOAD_INVALID', '遥测事件缺少有效编号（1–64 位字母、数字、- 或 _）', 'events.id');
  }
  return events as TelemetryEvent[];
}

/** Null when the event may be stored, else why not. Cheap checks first; the size after the depth. */
function refusalOf(e: TelemetryEvent): EventRefusal | null {
  if (typeof e.type !== 'string' || (e.t !== undefined && !Number.isFinite(e.t))) return 'EVENT_INVALID';
  if (Object.keys(e).some((k) => !EVENT_FIELDS.has(k))) return 'EVENT_INVALID';
  const problem = inspectJson(e.data, TELEMETRY_LIMITS.maxEventDepth);
  if (problem) {
    return problem.code === 'JSON_TOO_DEEP'
      ? 'EVENT_TOO_DEEP'
      : problem.code === 'JSON_FORBIDDEN_KEY'
        ? 'EVENT_FORBIDDEN_KEY'
        : 'EVENT_BAD_TEXT';
  }
  const verdict = checkEventData(e.type, e.data);
  if (verdict === 'unknown') return 'EVENT_KIND_UNKNOWN';
  if (verdict === 'invalid') return 'EVENT_INVALID';
  if (Buffer.byteLength(JSON.stringify(e), 'utf8') > TELEMETRY_LIMITS.maxEventBytes) return 'EVENT_TOO_LARGE';
  return null;
}

/** The session a verified telemetry token belongs to. */
export function telemetrySessionOf(r: { session?: unknown; header: { sid?: unknown } }): string {
  return String((r.session as { id?: string } | undefined)?.id ?? r.header.sid ?? '');
}

/**
 * Verifies a telemetry token and stores its events once each (keyed by session + event id, so a
 * re-sent batch after a lost answer is harmless). Answers every id the device may now forget —
 * stored now or before, or refused for good (also listed in `refused` with the reason, and not
 * stored) — so a malformed event never blocks the device's queue. `onRefused` hears of a refused
 * token (the bank counts those in the risk engine); `onVerified` runs before anything is stored
 * (the per-session rate limit).
 */
export async function ingestTelemetry(
  db: Db,
  clock: Clock,
  gate: RiskGate,
  token: string,
  hooks: { onRefused?: (code: string) => Promise<void>; onVerified?: (sessionId: string) => Promise<void> } = {},
) {
  const r = await gate.verify(token, { expectKind: 'telemetry' });
  if (!r.ok) {
    await hooks.onRefused?.(r.code);
    throw new AppError(403, r.code, riskReasonMessage(r.code));
  }
  const sessionId = telemetrySessionOf(r);
  await hooks.onVerified?.(sessionId);
  const events = eventsOf(r.payload);
  const refused: Array<{ id: string; code: EventRefusal }> = [];
  const kept: TelemetryEvent[] = [];
  for (const e of events) {
    const why = refusalOf(e);
    if (why) refused.push({ id: e.id, code: why });
    else kept.push(e);
  }
  if (kept.length) {
    const now = clock.now();
    await writerFor(db).add(
      kept.map((e) => ({
        event_id: e.id,
        session_id: sessionId,
        kind: e.type,
        payload: JSON.stringify(e),
        received_at: now,
      })),
    );
  }
  return { accepted: [...new Set(events.map((e) => e.id))], refused };
}

type EventRow = Insertable<TelemetryEventsTable>;

/**
 * Group commit for event rows (issue #11 point 2): the rows of requests arriving together go into
 * one multi-row INSERT; each request is answered only after that INSERT committed, so nothing is
 * acknowledged before it is durable. A failed INSERT fails every request of its batch (503 to
 * each, the devices resend; ON CONFLICT makes a resend harmless). One writer per database handle.
 */
const writers = new WeakMap<Db, Batcher<EventRow[], void>>();
function writerFor(db: Db): Batcher<EventRow[], void> {
  let w = writers.get(db);
  if (!w) {
    w = createBatcher<EventRow[], void>({
      // A batch is bounded in requests (each ≤ 50 events): 32 × 50 rows × 5 columns stays far below
      // PostgreSQL's 65 535 bind parameters.
      maxBatch: 32,
      run: async (requests) => {
        await db
          .insertInto('telemetry_events')
          .values(requests.flat())
          .onConflict((oc) => oc.columns(['session_id', 'event_id']).doNothing())
          .execute();
        return requests.map(() => undefined);
      },
    });
    writers.set(db, w);
  }
  return w;
}
