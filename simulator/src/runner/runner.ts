/**
 * The discrete-event runner. Every applicant's journey is a generator over simulated time; the
 * runner keeps one queue of "resume journey J at time t" events (plus a channel-state sample every
 * simulated minute), pops the earliest, sets the clock, and lets that journey run up to its next
 * wait. One event at a time, ties in insertion order: the same seed gives the same run.
 *
 * In process the clock is the bank's ManualClock, so a day passes in seconds. Over HTTP the server
 * keeps real time: events run in simulated order as fast as the server answers, devices use the
 * real clock, and timing results (surge delay, lockdown schedule) are the server's own.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../server/src/db/connect';
import type { EngineAlert, EngineView } from '../bank/engine-view';
import type { Device } from '../devices/device';
import { runJourney, type Applicant, type JourneyContext } from '../journey/journey';
import type { JourneyRecord } from '../journey/outcome';
import { createRng } from '../random';
import type { ScenarioFile } from '../scenario/schema';
import { dayStart, formatClock, scenarioInstant } from '../scenario/time';
import { buildApplicants, DEFAULT_DATE } from './applicants';
import { startDriver, type Pace } from './drivers';
import { EventQueue } from './event-queue';
import { SILENT, type Progress } from './progress';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface RunOptions {
  seed?: number;
  /** Multiplies population counts (tests run the shipped scenarios small). */
  scale?: number;
  /** Run against a server at this URL instead of in process. */
  http?: string;
  /** X-Staff-Key for the staff API over HTTP (alerts, channel states). */
  staffKey?: string;
  /** In process: reuse this migrated database (tests share one PGlite). */
  db?: Db;
  /** In process: where the engine keeps its state. Default memory. */
  engineStore?: 'memory' | 'sql';
  /** Over HTTP: wait for real time to reach each event (default), or send as fast as possible. */
  pace?: Pace;
  progress?: Progress;
  /** Stops the run between events (the console's 停止): journeys under way are left unfinished. */
  signal?: AbortSignal;
}

/** A channel entering a state, as sampled each simulated minute (in process) or from alerts. */
export interface ChannelChange {
  channel: string;
  at: number;
  state: string;
  mode: string | null;
  /** Scheduled end of the condition, when there is one. */
  until: number | null;
}

export interface RunResult {
  scenario: ScenarioFile;
  seed: number;
  scale: number;
  mode: 'in-process' | 'http';
  /** Over HTTP, how events were paced; null in process. */
  pace: Pace | null;
  engineSource: EngineView['source'];
  date: string;
  simStart: number;
  simEnd: number;
  records: JourneyRecord[];
  channelChanges: ChannelChange[];
  alerts: EngineAlert[];
  /** Simulated time at which the run was stopped early, or null when it ran to the end. */
  stoppedAt: number | null;
  /** Journeys started but not finished when the run was stopped (not in `records`). */
  unfinished: number;
  wallMs: number;
}

type QueueItem = { kind: 'start'; applicant: Applicant } | { kind: 'resume'; journey: Running } | { kind: 'tick' };

interface Running {
  applicant: Applicant;
  gen: AsyncGenerator<number, JourneyRecord, void>;
}

export async function runScenario(scenario: ScenarioFile, opts: RunOptions = {}): Promise<RunResult> {
  const wall0 = performance.now();
  const seed = opts.seed ?? scenario.seed ?? 1;
  const scale = opts.scale ?? 1;
  const date = scenario.date ?? DEFAULT_DATE;
  const applicants = buildApplicants(scenario, createRng(seed), {
    scale,
    runTag: `sim${seed}-${randomBytes(4).toString('hex')}`,
  });
  // The report and the channel sampling start on the hour of the first arrival.
  const firstArrival = Math.min(...applicants.map((a) => a.arrivalAt));
  const simStart = dayStart(date) + Math.floor((firstArrival - dayStart(date)) / HOUR) * HOUR;
  const until = scenario.until ? scenarioInstant(date, scenario.until) : simStart;

  const driver = await startDriver({
    simStart,
    anchor: firstArrival,
    http: opts.http,
    staffKey: opts.staffKey,
    pace: opts.pace,
    db: opts.db,
    engineStore: opts.engineStore,
    signal: opts.signal,
  });
  const { engine } = driver;
  let simNow = simStart;
  const ctx: JourneyContext = {
    bank: driver.bank,
    riskKey: driver.riskKey,
    now: driver.deviceNow,
    simNow: () => simNow,
  };
  const queue = new EventQueue<QueueItem>();
  for (const a of applicants) queue.push(a.arrivalAt, { kind: 'start', applicant: a });
  if (driver.sampling) queue.push(simStart, { kind: 'tick' });

  const busy = new Set<Device>();
  const waiting = new Map<Device, Applicant[]>();
  const records: JourneyRecord[] = [];
  const channelChanges: ChannelChange[] = [];
  const lastState = new Map<string, string>();
  const progress = opts.progress ?? SILENT;
  progress.start(applicants.length);

  const sample = async (at: number) => {
    for (const c of await engine.channels()) {
      const key = `${c.state}|${c.mode ?? ''}`;
      const before = lastState.get(c.channel);
      if (before === key) continue;
      lastState.set(c.channel, key);
      // A channel first seen in its normal state is not a change worth a line in the timeline.
      if (before === undefined && c.state === 'normal') continue;
      const until = c.until === null ? null : driver.toSim(c.until);
      channelChanges.push({ channel: c.channel, at, state: c.state, mode: c.mode, until });
    }
  };

  let stoppedAt: number | null = null;
  try {
    for (let ev = queue.pop(); ev; ev = queue.pop()) {
      await driver.advance(ev.at);
      if (opts.signal?.aborted) {
        // Over HTTP a realtime wait was cut short: the run stopped at the scenario's "now".
        stoppedAt = driver.mode === 'http' ? Math.max(simNow, Math.min(ev.at, driver.toSim(Date.now()))) : simNow;
        break;
      }
      simNow = ev.at;
      const item = ev.item;
      if (item.kind === 'tick') {
        await sample(ev.at);
        // Keep sampling while journeys are pending, and until the scenario's `until`.
        if (queue.size > 0 || ev.at + MINUTE <= until) queue.push(ev.at + MINUTE, { kind: 'tick' });
        continue;
      }
      let running: Running;
      if (item.kind === 'start') {
        const device = item.applicant.device;
        if (busy.has(device)) {
          // One journey at a time per phone: the next identity waits for the phone.
          waiting.set(device, [...(waiting.get(device) ?? []), item.applicant]);
          continue;
        }
        busy.add(device);
        running = { applicant: item.applicant, gen: runJourney(item.applicant, ctx) };
      } else running = item.journey;

      const step = await running.gen.next();
      if (!step.done) {
        queue.push(ev.at + Math.max(0, step.value), { kind: 'resume', journey: running });
        continue;
      }
      const record = step.value;
      records.push(record);
      progress.update(records.length, formatClock(date, ev.at));
      const device = running.applicant.device;
      busy.delete(device);
      const next = waiting.get(device)?.shift();
      if (next) queue.push(ev.at, { kind: 'start', applicant: next });
    }
    const simEnd = stoppedAt ?? Math.max(simNow, until);
    const alerts = (await engine.alerts(driver.alertsSince)).map((a) => ({ ...a, at: driver.toSim(a.at) }));
    records.sort((a, b) => a.index - b.index);
    return {
      scenario,
      seed,
      scale,
      mode: driver.mode,
      pace: driver.mode === 'http' ? (opts.pace ?? 'realtime') : null,
      engineSource: engine.source,
      date,
      simStart,
      simEnd,
      records,
      channelChanges,
      alerts,
      stoppedAt,
      unfinished: busy.size,
      wallMs: Math.round(performance.now() - wall0),
    };
  } finally {
    progress.stop();
    await driver.close();
  }
}
