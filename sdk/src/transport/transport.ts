import type { SdkStorage } from '../platform/sdk-storage';
import { backoffDelay, bytesToUnit } from './backoff';
import { eventIdFrom } from './event-id';
import { canonicalJson } from '../crypto/canonical-json';

/** One telemetry event; `id` lets the server drop the duplicates that retries and app kills create. */
export interface TelemetryEvent {
  id: string;
  /** Device time (ms) when enqueued. */
  t: number;
  type: string;
  data?: unknown;
}

export interface TransportOptions {
  /** Send as soon as this many events are queued. Default 20. */
  batchSize?: number;
  /** Send when the oldest queued event is this old (ms). Default 30 000. */
  maxAgeMs?: number;
  /** Queue bound; the oldest events are dropped beyond it and counted. Default 500. */
  maxQueue?: number;
  /** First retry delay (ms). Default 2 000. */
  baseBackoffMs?: number;
  /** Retry delay cap (ms). Default 300 000. */
  maxBackoffMs?: number;
}

export interface TransportDeps {
  storage: SdkStorage;
  now(): number;
  randomBytes(n: number): Uint8Array;
  /** Seal and post one batch; resolve with the ids the server acknowledged. */
  send(events: TelemetryEvent[], meta: { dropped: number }): Promise<string[]>;
  onError?(e: unknown): void;
}

export interface FlushResult {
  sent: number;
  remaining: number;
  ok: boolean;
}

export interface Transport {
  /** Queues an event; throws a TypeError (and queues nothing) for data that can never be sealed. */
  enqueue(type: string, data?: unknown): string;
  /** Send everything now (app hide, explicit flush), ignoring any backoff wait. */
  flush(): Promise<FlushResult>;
  size(): number;
  /** Events dropped by the bound and not yet reported to the server. */
  dropped(): number;
  /** Stop timers (destroy). Queue stays persisted. */
  stop(): void;
  /** Stop and forget the queue in memory (withdrawal; storage is cleared by the caller). */
  drop(): void;
}

interface Persisted {
  events: TelemetryEvent[];
  dropped: number;
}

const QUEUE_KEY = 'tq';

/**
 * Why an event could never be sealed (a lone surrogate in a string, a number JSON cannot carry,
 * a cycle…), or null. Checked when an event is queued — an unsealable event at the head of the
 * queue would fail its batch on every retry and stop all telemetry from the device.
 */
function unsendable(e: TelemetryEvent): string | null {
  try {
    canonicalJson(e);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function createTransport(deps: TransportDeps, options: TransportOptions = {}): Transport {
  const batchSize = options.batchSize ?? 20;
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const maxQueue = Math.max(batchSize, options.maxQueue ?? 500);
  const baseBackoffMs = options.baseBackoffMs ?? 2_000;
  const maxBackoffMs = options.maxBackoffMs ?? 300_000;

  // Whatever a previous (killed) instance left behind is sent first.
  // (An unsendable event a version before the check let in is dropped and counted, not retried.)
  const saved = deps.storage.getJson<Persisted>(QUEUE_KEY);
  const restored =
    saved && Array.isArray(saved.events) ? saved.events.filter((e) => e && typeof e.id === 'string') : [];
  let events: TelemetryEvent[] = restored.filter((e) => unsendable(e) === null);
  let droppedCount = (saved && typeof saved.dropped === 'number' ? saved.dropped : 0) + restored.length - events.length;
  let failures = 0;
  let retryAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<FlushResult> | null = null;
  let stopped = false;

  const persist = () => deps.storage.setJson(QUEUE_KEY, { events, dropped: droppedCount } satisfies Persisted);

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const arm = (delay: number) => {
    clearTimer();
    if (stopped) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        void flush();
      },
      Math.max(0, delay),
    );
  };

  /** Decide when the next send happens after any change of state. */
  const schedule = () => {
    if (stopped || inFlight || events.length === 0) return;
    const t = deps.now();
    if (t < retryAt) return arm(retryAt - t);
    if (events.length >= batchSize) return arm(0);
    if (timer === undefined) arm(events[0].t + maxAgeMs - t);
  };

  const runFlush = async (): Promise<FlushResult> => {
    let sent = 0;
    while (events.length > 0 && !stopped) {
      const batch = events.slice(0, batchSize);
      const reported = droppedCount;
      let accepted: string[];
      try {
        accepted = await deps.send(batch, { dropped: reported });
      } catch (e) {
        deps.onError?.(e);
        accepted = [];
      }
      if (stopped) break;
      const ack = new Set(accepted);
      const before = events.length;
      events = events.filter((e) => !ack.has(e.id));
      const removed = before - events.length;
      if (removed === 0) {
        failures++;
        retryAt = deps.now() + backoffDelay(failures, baseBackoffMs, maxBackoffMs, bytesToUnit(deps.randomBytes(4)));
        return { sent, remaining: events.length, ok: false };
      }
      sent += removed;
      droppedCount = Math.max(0, droppedCount - reported);
      failures = 0;
      retryAt = 0;
      persist();
    }
    return { sent, remaining: events.length, ok: true };
  };

  const flush = (): Promise<FlushResult> => {
    if (inFlight) return inFlight;
    if (stopped || events.length === 0) return Promise.resolve({ sent: 0, remaining: events.length, ok: true });
    clearTimer();
    inFlight = runFlush().finally(() => {
      inFlight = null;
      schedule();
    });
    return inFlight;
  };

  if (events.length > 0) schedule();

  return {
    enqueue(type, data) {
      if (stopped) return ''; // after withdrawal or destroy nothing may be stored
      const id = eventIdFrom(deps.randomBytes(16));
      const event: TelemetryEvent = { id, t: deps.now(), type };
      if (data !== undefined) event.data = data;
      const why = unsendable(event);
      if (why) throw new TypeError(`telemetry event "${type}" cannot be sent: ${why}`);
      events.push(event);
      if (events.length > maxQueue) {
        // Oldest first: recent events matter more for a decision being made now.
        const excess = events.length - maxQueue;
        events.splice(0, excess);
        droppedCount += excess;
      }
      persist();
      schedule();
      return id;
    },
    flush,
    size: () => events.length,
    dropped: () => droppedCount,
    stop() {
      stopped = true;
      clearTimer();
    },
    drop() {
      stopped = true;
      clearTimer();
      events = [];
      droppedCount = 0;
    },
  };
}
