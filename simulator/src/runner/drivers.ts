/**
 * How simulated time meets the bank. In process the runner owns the clock: the bank's ManualClock
 * jumps to each event. Over HTTP the server keeps real time, so either the runner waits for real
 * time to reach each event (`realtime`: simulated minutes are real minutes, and the surge and
 * lockdown timing mean what they say), or it sends everything as fast as the server answers
 * (`fast`: outcomes and reasons only — time-based signals are compressed and meaningless).
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
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  return {
    bank,
    engine,
    riskKey: keys.body.keys[0],
    mode: 'http',
    deviceNow: () => Date.now(),
    advance: async (t) => {
      if (realtime) await sleep(Math.max(0, realStart + (t - o.anchor) - Date.now()));
    },
    toSim: (t) => o.anchor + (t - realStart),
    alertsSince: realStart - 60_000,
    sampling: realtime && engine.source !== 'none',
    close: async () => undefined,
  };
}
