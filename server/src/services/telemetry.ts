import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { sql } from 'kysely';
import { createBatcher, type Batcher } from '../db/batcher';
import type { RiskGate } from '../risk/gate';
import { AppError } from '../errors';
import { riskReasonMessage } from '../risk/gate';
import { claimTokens, type ClaimEffect } from '../risk/sql-risk-store';
import type { ClaimOutcome, TokenClaim } from '@lingjie/risk-sdk/server';
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
  const refuse = async (code: string): Promise<never> => {
    await hooks.onRefused?.(code);
    throw new AppError(403, code, riskReasonMessage(code));
  };
  // The token's nonce/sequence claim is committed below together with its events (one commit).
  const r = await gate.verify(token, { expectKind: 'telemetry', deferClaim: true });
  if (!r.ok) return refuse(r.code);
  if (!r.claim) throw new Error('ingestTelemetry: the risk gate did not hand back the deferred claim');
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
  const outcome = await writerFor(db).add({ claim: r.claim, sessionId, events: kept, at: clock.now() });
  if (outcome !== 'ok') return refuse(outcome);
  return { accepted: [...new Set(events.map((e) => e.id))], refused };
}

/** One telemetry request's write: its token's claim and the events to store if the claim holds. */
interface IngestWrite {
  claim: TokenClaim;
  sessionId: string;
  events: TelemetryEvent[];
  at: Date;
}

/**
 * A token's events as the statement's parameter carries them: one row per token, not per event —
 * the session and the time once, each event once (its id and kind are read from it in SQL). Half
 * the bytes of a row per event for small events, and no object per event to build.
 */
interface TokenEventsRow {
  session_id: string;
  received_at: string;
  events: TelemetryEvent[];
}

/**
 * Group commit (issue #11 point 2): the writes of requests arriving together go into ONE statement
 * — their tokens' nonce/sequence claims and, for the claims that held, their events — so a request
 * costs one commit, and each is answered only after it committed: nothing is acknowledged before
 * it is durable. A token and its events commit together or not at all: a failed statement fails
 * every request of its batch (503), consumes none of their tokens, and the devices' resends are
 * accepted (ON CONFLICT makes a resend harmless). The rows travel as one JSON parameter (a row per
 * token), so the text never changes and PostgreSQL plans it once per connection (db/prepared.ts).
 * An event is stored exactly as the device sent it (`payload`), its `id` and `type` as the key and
 * kind — the values ingestTelemetry checked. The claims go to
 * this database's risk tables — the store of the app's risk gate (app.ts). One writer per database.
 */
const storeEvents: ClaimEffect = {
  name: 'telemetry-ingest',
  statement: (rows) => sql`
    insert into telemetry_events (event_id, session_id, kind, payload, received_at)
    select e ->> 'id', t.session_id, e ->> 'type', e, t.received_at
    from jsonb_to_recordset(${rows}::jsonb)
        as t(claim int, session_id text, received_at timestamptz, events jsonb)
      cross join lateral jsonb_array_elements(t.events) as e
    where t.claim in (select i from claimed)
    on conflict (session_id, event_id) do nothing`,
};

const writers = new WeakMap<Db, Batcher<IngestWrite, ClaimOutcome>>();
function writerFor(db: Db): Batcher<IngestWrite, ClaimOutcome> {
  let w = writers.get(db);
  if (!w) {
    w = createBatcher<IngestWrite, ClaimOutcome>({
      // A batch is bounded in requests (each ≤ 50 events of ≤ 32 KB): ≤ 1,600 events in one parameter.
      maxBatch: 32,
      run: (writes) =>
        claimTokens<TokenEventsRow>(
          db,
          writes.map((w) => ({
            claim: w.claim,
            // A token with nothing to store still claims (its nonce and sequence), with no row.
            rows: w.events.length
              ? [{ session_id: w.sessionId, received_at: w.at.toISOString(), events: w.events }]
              : [],
          })),
          storeEvents,
        ),
    });
    writers.set(db, w);
  }
  return w;
}
