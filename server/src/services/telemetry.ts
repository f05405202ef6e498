import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { RiskGate } from '../risk/gate';
import { AppError } from '../errors';
import { riskReasonMessage } from '../risk/gate';

interface TelemetryEvent {
  id: string;
  t?: number;
  type: string;
  data?: unknown;
}

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_EVENTS = 500;

/** Events the SDK batches into a telemetry token: `{v, events: [{id, t, type, data?}], dropped}`. */
function eventsOf(payload: unknown): TelemetryEvent[] | null {
  const events = (payload as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || events.length > MAX_EVENTS) return null;
  const out: TelemetryEvent[] = [];
  for (const e of events) {
    if (!e || typeof e !== 'object') return null;
    const ev = e as TelemetryEvent;
    if (typeof ev.id !== 'string' || !EVENT_ID.test(ev.id) || typeof ev.type !== 'string' || ev.type.length > 64)
      return null;
    out.push(ev);
  }
  return out;
}

/**
 * Verifies a telemetry token and stores its events once each (keyed by session + event id, so a
 * re-sent batch after a lost answer is harmless). Answers every id it now holds, new or already
 * stored, so the client can drop them from its queue. `onRefused` hears of a refused token (the
 * bank counts those in the risk engine).
 */
export async function ingestTelemetry(
  db: Db,
  clock: Clock,
  gate: RiskGate,
  token: string,
  onRefused?: (code: string) => Promise<void>,
) {
  const r = await gate.verify(token, { expectKind: 'telemetry' });
  if (!r.ok) {
    await onRefused?.(r.code);
    throw new AppError(403, r.code, riskReasonMessage(r.code));
  }
  const events = eventsOf(r.payload);
  if (!events) throw new AppError(400, 'PAYLOAD_INVALID', '遥测数据格式不正确');
  const sessionId = String((r.session as { id?: string })?.id ?? r.header.sid ?? '');
  if (events.length) {
    const now = clock.now();
    await db
      .insertInto('telemetry_events')
      .values(
        events.map((e) => ({
          event_id: e.id,
          session_id: sessionId,
          kind: e.type,
          payload: JSON.stringify(e),
          received_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['session_id', 'event_id']).doNothing())
      .execute();
  }
  return { accepted: [...new Set(events.map((e) => e.id))] };
}
