/**
 * Group commit: callers hand in one item each and get back their own result, but items that arrive
 * together are written by ONE statement (one round trip, one WAL flush). A caller's promise settles
 * only when `run` has settled for its whole batch, i.e. after the statement committed — nothing is
 * acknowledged before it is durable (this is batching with a bounded wait, not fire-and-forget).
 *
 * When to write: at once (next turn of the event loop, which gathers the callers of the current
 * turn) while fewer than `maxInFlight` batches are running; otherwise the items queue until a
 * batch finishes, `maxBatch` items are waiting, or the oldest has waited `maxWaitMs`, whichever
 * comes first. So an idle system adds no latency and a busy one writes bigger batches.
 */
export interface BatcherOptions<I, O> {
  /** Writes a batch; must answer one result per item, in order. A rejection fails every item of that batch (and only those). */
  run: (items: I[]) => Promise<O[]>;
  /** Most items in one batch. Default 128. */
  maxBatch?: number;
  /** Longest a queued item waits for a free slot before its batch starts anyway, ms. Default 2. */
  maxWaitMs?: number;
  /** Batches running at once (each holds one pool connection). Default 2. */
  maxInFlight?: number;
}

export interface Batcher<I, O> {
  /** Queues `item`; resolves with its own result once its batch is written. */
  add(item: I): Promise<O>;
  /** Resolves when everything queued so far has been written (for shutdown and tests). */
  drain(): Promise<void>;
}

interface Pending<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export function createBatcher<I, O>(opts: BatcherOptions<I, O>): Batcher<I, O> {
  const maxBatch = opts.maxBatch ?? 128;
  const maxWaitMs = opts.maxWaitMs ?? 2;
  const maxInFlight = opts.maxInFlight ?? 2;
  if (!(maxBatch >= 1 && maxWaitMs >= 0 && maxInFlight >= 1)) throw new TypeError('createBatcher: bad limits');
  let queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let immediate: ReturnType<typeof setImmediate> | null = null;
  const idle: Array<() => void> = [];

  function clearTimers() {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = immediate = null;
  }

  /** Starts as many batches as slots allow. `force`: the wait bound expired, start one even over the cap. */
  function flush(force = false) {
    clearTimers();
    while (queue.length && (inFlight < maxInFlight || force)) {
      force = false;
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      void start(batch);
    }
    schedule();
  }

  function schedule() {
    if (!queue.length || timer || immediate) return;
    if (inFlight < maxInFlight) immediate = setImmediate(() => flush());
    else if (queue.length >= maxBatch)
      return; // a finishing batch flushes it at once
    else timer = setTimeout(() => flush(true), maxWaitMs);
  }

  async function start(batch: Pending<I, O>[]) {
    inFlight++;
    try {
      const out = await opts.run(batch.map((p) => p.item));
      if (out.length !== batch.length) throw new Error(`batcher: ${out.length} results for ${batch.length} items`);
      batch.forEach((p, i) => p.resolve(out[i]));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      inFlight--;
      if (queue.length) flush();
      else if (inFlight === 0) for (const done of idle.splice(0)) done();
    }
  }

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch && inFlight < maxInFlight) flush();
        else schedule();
      });
    },
    drain() {
      if (!queue.length && inFlight === 0) return Promise.resolve();
      return new Promise<void>((r) => idle.push(r));
    },
  };
}
