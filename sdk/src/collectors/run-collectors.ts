import { signalLevel, type ConsentLevel } from '../manifest';
import { CollectorError, type Collector, type CollectorContext, type CollectorResult, type Snapshot } from './types';

export interface RunCollectorsOptions {
  /** Levels currently granted; collectors above them are not run at all. */
  granted: ReadonlySet<ConsentLevel>;
  /** Per-collector budget in ms; a slower collector yields `{ error: 'TIMEOUT' }`. Default 300. */
  budgetMs?: number;
  /** Deadline for the whole collection in ms; unfinished collectors yield `{ error: 'DEADLINE' }`. Default 1000. */
  deadlineMs?: number;
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === 'object' && 'errMsg' in e) return String((e as { errMsg: unknown }).errMsg); // wx fail objects
  return String(e);
}

/**
 * Runs collectors concurrently. One failing, throwing or hanging collector only affects its own
 * entry: the snapshot always resolves, at the latest at the deadline.
 */
export async function runCollectors(
  collectors: readonly Collector[],
  ctx: CollectorContext,
  options: RunCollectorsOptions,
): Promise<Snapshot> {
  const budgetMs = options.budgetMs ?? 300;
  const deadlineMs = options.deadlineMs ?? 1000;
  const now = () => ctx.platform.now();
  const results = new Map<string, CollectorResult>();
  const started = new Map<string, number>();
  const order: string[] = [];
  let closed = false;
  const pending: Promise<void>[] = [];

  for (const c of collectors) {
    const level = signalLevel(c.signal);
    if (!level) {
      // Refuse, loudly in the snapshot: an undeclared signal is a bug in the SDK, not in the device.
      order.push(c.signal);
      results.set(c.signal, { error: CollectorError.notDeclared, duration: 0 });
      continue;
    }
    if (!options.granted.has(level)) continue;
    if (c.probe && !ctx.platform.probes[c.probe]) continue;
    order.push(c.signal);
    const t0 = now();
    started.set(c.signal, t0);
    pending.push(
      new Promise<void>((resolve) => {
        // `finish` only ever runs asynchronously (timer or promise callback), after `timer` is set.
        const finish = (r: CollectorResult) => {
          clearTimeout(timer);
          if (!closed && !results.has(c.signal)) results.set(c.signal, r);
          resolve();
        };
        const timer = setTimeout(() => finish({ error: CollectorError.timeout, duration: now() - t0 }), budgetMs);
        let p: Promise<unknown>;
        try {
          p = Promise.resolve(c.run(ctx));
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(
          (value) => finish({ value, duration: now() - t0 }),
          (e) => finish({ error: errorMessage(e), duration: now() - t0 }),
        );
      }),
    );
  }

  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(pending),
    new Promise<void>((resolve) => {
      deadlineTimer = setTimeout(resolve, deadlineMs);
    }),
  ]);
  if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
  closed = true;

  const snapshot: Snapshot = {};
  for (const name of order) {
    snapshot[name] = results.get(name) ?? {
      error: CollectorError.deadline,
      duration: now() - (started.get(name) ?? now()),
    };
  }
  return snapshot;
}
