/**
 * How simulated time meets the bank. In process the runner owns the clock: the bank's ManualClock
 * jumps to each event. Over HTTP the server keeps real time, so either the runner waits for real
 * time to reach each event (`realtime`: simulated minutes are real minutes, and the surge and
 * lockdown timing mean what they say), or it sends everything as fast as the server answers
 * (`fast`: outcomes and reasons only — time-based signals are compressed and meaningless; what the
 * bank reports is placed at the simulated moment that was being sent when it happened).
 */
import type { Db } from '../../../server/src/db/connect';
import { NO_ENGINE, staffApiView, type EngineView } from '../bank/engine-view';
import { startInProcessBank } from '../bank/in-process';
import { httpBank, type Bank } from '../bank/transport';

export type Pace = 'realtime' | 'fast';

export interface Driver {
  bank: Bank;
  engine: EngineView;
  riskKey: { keyId: string; publicKey: string };
  mode: 'in-process' | 'http';
  /** True time for device clocks. */
  deviceNow(): number;
  /** Before the event at simulated time `t`: move the clock there, or wait until it is real. */
  advance(t: number): Promise<void>;
  /** A time the bank reported (alert, lockdown end) as simulated time. */
  toSim(t: number): number;
  /** Engine time from which the run's alerts count. */
  alertsSince: number;
  /** Whether channel states can be sampled each simulated minute. */
  sampling: boolean;
  close(): Promise<void>;
}

export interface DriverOptions {
  simStart: number;
  /** Over HTTP: the simulated instant that starts now (the first arrival). */
  anchor: number;
  http?: string;
  staffKey?: string;
  pace?: Pace;
  db?: Db;
  engineStore?: 'memory' | 'sql';
  /** Cuts a realtime wait short (the runner then stops). */
  signal?: AbortSignal;
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Real instants → simulated ones at pace `fast`: the simulated time being sent at each real moment
 * (a step function, recorded as the runner advances), so an alert raised while 14:00's gang was
 * arriving reads 14:00 even though the whole afternoon took seconds.
 */
export function sentAtLog(anchor: number, realStart: number) {
  const real: number[] = [realStart];
  const sim: number[] = [anchor];
  return {
    record(t: number) {
      if (t <= sim[sim.length - 1]) return;
      real.push(Date.now());
      sim.push(t);
    },
    toSim(t: number): number {
      let lo = 0;
      let hi = real.length - 1;
      if (t < real[0]) return anchor - (real[0] - t);
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (real[mid] <= t) lo = mid;
        else hi = mid - 1;
      }
      return sim[lo];
    },
  };
}

export async function startDriver(o: DriverOptions): Promise<Driver> {
  if (!o.http) {
    const b = await startInProcessBank({ start: o.simStart, db: o.db, engineStore: o.engineStore });
    return {
      bank: b.bank,
      engine: b.engine,
      riskKey: b.riskKey,
      mode: 'in-process',
      deviceNow: () => b.clock.now().getTime(),
      advance: async (t) => b.clock.set(t),
      toSim: (t) => t,
      alertsSince: o.simStart,
      sampling: true,
      close: b.close,
    };
  }
  const bank = httpBank(o.http);
  const keys = await bank.call({ method: 'GET', url: '/api/risk/keys', ip: '127.0.0.1' });
  if (keys.status !== 200) throw new Error(`${o.http}: GET /api/risk/keys → ${keys.status}`);
  const engine = o.staffKey ? staffApiView(bank, o.staffKey) : NO_ENGINE;
  const realStart = Date.now();
  const realtime = (o.pace ?? 'realtime') === 'realtime';
  const sent = sentAtLog(o.anchor, realStart);
  return {
    bank,
    engine,
    riskKey: keys.body.keys[0],
    mode: 'http',
    deviceNow: () => Date.now(),
    advance: async (t) => {
      if (realtime) await sleep(realStart + (t - o.anchor) - Date.now(), o.signal);
      else sent.record(t);
    },
    toSim: (t) => (realtime ? o.anchor + (t - realStart) : sent.toSim(t)),
    alertsSince: realStart - 60_000,
    sampling: realtime && engine.source !== 'none',
    close: async () => undefined,
  };
}
