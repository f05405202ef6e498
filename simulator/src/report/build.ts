/**
 * The report of a run, as plain data (what `--json` writes and the summary and HTML page render):
 * per population the outcomes and reason codes, detection and false-reject rates, the surge onset
 * against the first alert, the lockdown timeline, per-channel volume and approval per time bucket,
 * and the pass/fail checks the scenario expects. Nothing in it depends on wall time except
 * `wallMs`, so two runs with one seed give the same report apart from that field.
 */
import {
  isCaught,
  isLockdownCollateral,
  isRejection,
  OUTCOMES,
  type JourneyRecord,
  type Outcome,
} from '../journey/outcome';
import type { RunResult } from '../runner/runner';
import { formatClock } from '../scenario/time';

const MINUTE = 60_000;
const DEFAULT_DETECTION = 0.98;
const DEFAULT_FALSE_REJECT = 0.01;
const DEFAULT_SURGE_MINUTES = 5;
/** A lockdown counts as lifted on schedule when the channel leaves it within this of its end. */
const LIFT_TOLERANCE_MS = 2 * MINUTE;

export interface PopulationReport {
  name: string;
  label: 'fraud' | 'genuine';
  channel: string;
  behaviour: string;
  count: number;
  outcomes: Record<Outcome, number>;
  /** Application reason codes, most frequent first. */
  reasonCodes: Array<{ code: string; count: number }>;
  /** Money-move outcomes per action. */
  moves: Record<string, Record<string, number>>;
  /** Token refusals by verifier code. */
  refusals: Record<string, number>;
  errors: Record<string, number>;
  /** Fraud: caught = no money without pushback. */
  caught: number;
  detectionRate: number | null;
  /** Genuine: rejected/blocked/refused, excluding lockdown collateral. */
  rejected: number;
  lockdownCollateral: number;
  falseRejectRate: number | null;
  /** Genuine: review, step-up or hold (friction, not refusal). */
  friction: number;
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export interface LockdownEpisode {
  channel: string;
  mode: string | null;
  from: number;
  fromClock: string;
  /** Scheduled end (Unix ms) as the condition said, or null. */
  scheduledUntil: number | null;
  scheduledClock: string | null;
  /** When the channel left lockdown (sampled), or null if still in lockdown at the end. */
  endedAt: number | null;
  endedClock: string | null;
}

export interface ChannelSeries {
  channel: string;
  buckets: Array<{ start: number; clock: string; applications: number; approved: number; approvalRate: number | null }>;
}

export interface Report {
  scenario: { name: string; description: string | null; date: string };
  seed: number;
  scale: number;
  mode: RunResult['mode'];
  /** Where alerts, lockdowns and channel series came from. */
  engine: RunResult['engineSource'];
  /** What to keep in mind when reading this run (HTTP caveats). */
  notes: string[];
  simulated: { from: string; to: string; minutes: number };
  totals: {
    applicants: number;
    fraud: { count: number; caught: number; detectionRate: number | null };
    genuine: {
      count: number;
      rejected: number;
      falseRejectRate: number | null;
      lockdownCollateral: number;
      friction: number;
    };
    errors: number;
  };
  populations: PopulationReport[];
  surge: {
    channel: string;
    population: string;
    onset: string;
    firstAlert: string | null;
    firstLockdown: string | null;
    /** Simulated minutes from onset to the first alert on the channel. */
    delayMinutes: number | null;
    withinMinutes: number;
  } | null;
  lockdowns: LockdownEpisode[];
  timeline: Array<{ clock: string; channel: string; event: string }>;
  bucketMinutes: number;
  channels: ChannelSeries[];
  checks: Check[];
  errorSamples: Array<{ population: string; step: string; code: string; message?: string }>;
  wallMs: number;
}

const rate = (num: number, den: number) => (den === 0 ? null : num / den);
const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)} %`);
const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

function populationReport(run: RunResult, name: string, records: JourneyRecord[]): PopulationReport {
  const pop = run.scenario.populations.find((p) => p.name === name)!;
  const label = run.scenario.expect.fraud.includes(name) ? 'fraud' : 'genuine';
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const codes: Record<string, number> = {};
  const moves: Record<string, Record<string, number>> = {};
  const refusals: Record<string, number> = {};
  const errors: Record<string, number> = {};
  let caught = 0;
  let rejected = 0;
  let collateral = 0;
  let friction = 0;
  for (const r of records) {
    outcomes[r.outcome]++;
    r.application?.reasonCodes.forEach((c) => inc(codes, c));
    r.moves.forEach((m) => inc((moves[m.action] ??= {}), m.outcome));
    if (r.refused) inc(refusals, r.refused.code);
    if (r.error) inc(errors, r.error.code);
    if (isCaught(r.outcome)) caught++;
    if (isLockdownCollateral(r)) collateral++;
    else if (isRejection(r.outcome)) rejected++;
    if (r.outcome === 'review' || r.outcome === 'step-up' || r.outcome === 'held') friction++;
  }
  const fraud = label === 'fraud';
  return {
    name,
    label,
    channel: pop.channel,
    behaviour: typeof pop.behaviour === 'string' ? pop.behaviour : pop.behaviour.model,
    count: records.length,
    outcomes,
    reasonCodes: Object.entries(codes)
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    moves,
    refusals,
    errors,
    caught,
    detectionRate: fraud ? rate(caught, records.length) : null,
    rejected,
    lockdownCollateral: collateral,
    falseRejectRate: fraud ? null : rate(rejected, records.length),
    friction,
  };
}

function lockdownEpisodes(run: RunResult): LockdownEpisode[] {
  const open = new Map<string, LockdownEpisode>();
  const out: LockdownEpisode[] = [];
  for (const c of run.channelChanges) {
    const current = open.get(c.channel);
    if (c.state === 'lockdown' && !current) {
      const ep: LockdownEpisode = {
        channel: c.channel,
        mode: c.mode,
        from: c.at,
        fromClock: formatClock(run.date, c.at),
        scheduledUntil: c.until,
        scheduledClock: c.until === null ? null : formatClock(run.date, c.until),
        endedAt: null,
        endedClock: null,
      };
      open.set(c.channel, ep);
      out.push(ep);
    } else if (c.state !== 'lockdown' && current) {
      current.endedAt = c.at;
      current.endedClock = formatClock(run.date, c.at);
      open.delete(c.channel);
    }
  }
  return out;
}

function channelSeries(run: RunResult, bucketMinutes: number): ChannelSeries[] {
  const size = bucketMinutes * MINUTE;
  const byChannel = new Map<string, Map<number, { applications: number; approved: number }>>();
  for (const r of run.records) {
    if (!r.application) continue;
    const start = run.simStart + Math.floor((r.application.at - run.simStart) / size) * size;
    const m = byChannel.get(r.channel) ?? new Map();
    byChannel.set(r.channel, m);
    const b = m.get(start) ?? { applications: 0, approved: 0 };
    m.set(start, b);
    b.applications++;
    if (r.application.status === 'approved') b.approved++;
  }
  const last = run.simStart + Math.floor((run.simEnd - run.simStart) / size) * size;
  return [...byChannel.keys()].sort().map((channel) => {
    const m = byChannel.get(channel)!;
    const buckets = [];
    for (let start = run.simStart; start <= last; start += size) {
      const b = m.get(start) ?? { applications: 0, approved: 0 };
      buckets.push({
        start,
        clock: formatClock(run.date, start),
        ...b,
        approvalRate: rate(b.approved, b.applications),
      });
    }
    return { channel, buckets };
  });
}

function notesFor(run: RunResult): string[] {
  const notes: string[] = [];
  if (run.stoppedAt !== null)
    notes.push(
      `Stopped at ${formatClock(run.date, run.stoppedAt)} before the scenario's end: ${run.records.length} journeys ` +
        `finished and are counted; ${run.unfinished} under way were left unfinished; later arrivals never started.`,
    );
  if (run.mode === 'http') {
    notes.push(
      'Over HTTP each request says its source address in X-Forwarded-For; a server that does not trust the header ' +
        'sees every applicant at the simulator’s own address (IP and subnet velocity then fire for everyone).',
    );
    if (run.pace === 'fast')
      notes.push(
        'Paced fast: a day was sent in moments, so surge, velocity and form-timing signals are compressed — read ' +
          'outcomes and reasons only, or run in process (the default) or with --pace realtime.',
      );
    if (run.engineSource === 'none') notes.push('No staff key: alerts and channel states were not read (--staff-key).');
  }
  return notes;
}

export function buildReport(run: RunResult): Report {
  const s = run.scenario;
  const clock = (t: number) => formatClock(run.date, t);
  const populations = s.populations.map((p) =>
    populationReport(
      run,
      p.name,
      run.records.filter((r) => r.population === p.name),
    ),
  );
  const fraudPops = populations.filter((p) => p.label === 'fraud');
  const genuinePops = populations.filter((p) => p.label === 'genuine');
  const sum = (ps: PopulationReport[], f: (p: PopulationReport) => number) => ps.reduce((a, p) => a + f(p), 0);
  const fraudCount = sum(fraudPops, (p) => p.count);
  const genuineCount = sum(genuinePops, (p) => p.count);
  const caught = sum(fraudPops, (p) => p.caught);
  const rejected = sum(genuinePops, (p) => p.rejected);
  const errors = run.records.filter((r) => r.error).length;
  const lockdowns = lockdownEpisodes(run);

  let surge: Report['surge'] = null;
  if (s.expect.surge) {
    const { channel, population } = s.expect.surge;
    const onset = Math.min(...run.records.filter((r) => r.population === population).map((r) => r.arrivalAt));
    const after = run.alerts.filter((a) => a.channel === channel && a.at >= onset);
    const firstAlert = after.find((a) => a.kind === 'surge' || a.kind === 'lockdown');
    const firstLockdown = lockdowns.find((l) => l.channel === channel && l.from >= onset);
    surge = {
      channel,
      population,
      onset: clock(onset),
      firstAlert: firstAlert ? clock(firstAlert.at) : null,
      firstLockdown: firstLockdown ? firstLockdown.fromClock : null,
      delayMinutes: firstAlert ? Math.round(((firstAlert.at - onset) / MINUTE) * 10) / 10 : null,
      withinMinutes: s.expect.surge.withinMinutes ?? DEFAULT_SURGE_MINUTES,
    };
  }

  const checks: Check[] = [];
  const detection = rate(caught, fraudCount);
  const falseReject = rate(rejected, genuineCount);
  if (fraudCount > 0) {
    const target = s.expect.detectionRate ?? DEFAULT_DETECTION;
    checks.push({
      name: 'fraud caught',
      pass: detection !== null && detection >= target,
      detail: `${caught}/${fraudCount} = ${pct(detection)} (target ≥ ${pct(target)})`,
    });
  }
  if (genuineCount > 0) {
    const target = s.expect.falseRejectRate ?? DEFAULT_FALSE_REJECT;
    const collateral = sum(genuinePops, (p) => p.lockdownCollateral);
    checks.push({
      name: 'genuine wrongly rejected',
      pass: falseReject !== null && falseReject <= target,
      detail:
        `${rejected}/${genuineCount} = ${pct(falseReject)} (target ≤ ${pct(target)})` +
        (collateral ? `; ${collateral} more rejected by the channel lockdown` : ''),
    });
  }
  if (surge) {
    checks.push({
      name: 'surge detected in time',
      pass: surge.delayMinutes !== null && surge.delayMinutes <= surge.withinMinutes,
      detail: surge.firstAlert
        ? `onset ${surge.onset}, first alert ${surge.firstAlert}: ${surge.delayMinutes} min (target ≤ ${surge.withinMinutes})`
        : `onset ${surge.onset}, no alert on ${surge.channel}`,
    });
  }
  if (run.engineSource !== 'none') {
    const others = lockdowns.filter((l) => l.channel !== surge?.channel);
    checks.push({
      name: surge ? 'other channels unaffected' : 'no channel locked down',
      pass: others.length === 0,
      detail: others.length ? others.map((l) => `${l.channel} locked ${l.fromClock}`).join(', ') : 'none locked down',
    });
  }
  if (surge) {
    const mine = lockdowns.filter((l) => l.channel === surge.channel);
    // Still locked when the run ended before the scheduled lift is not late (a short run, a stop).
    const late = mine.filter(
      (l) => l.scheduledUntil === null || (l.endedAt ?? run.simEnd) > l.scheduledUntil + LIFT_TOLERANCE_MS,
    );
    checks.push({
      name: 'lockdown lifted on schedule',
      pass: mine.length > 0 && late.length === 0,
      detail: mine.length
        ? mine
            .map(
              (l) =>
                `${l.fromClock} → scheduled ${l.scheduledUntil === null ? 'open-ended' : clock(l.scheduledUntil)}, ` +
                `left ${l.endedClock ?? `— still locked when the run ended at ${clock(run.simEnd)}`}`,
            )
            .join('; ')
        : 'no lockdown',
    });
  }
  checks.push({
    name: 'journeys ran as written',
    pass: errors === 0,
    detail: errors ? `${errors} journeys ended on an unexpected answer (see errors)` : 'no unexpected answers',
  });

  const timeline = [
    ...run.alerts.map((a) => ({ at: a.at, channel: a.channel, event: `alert: ${a.kind}` })),
    ...run.channelChanges.map((c) => ({
      at: c.at,
      channel: c.channel,
      event: `state: ${c.state}${c.mode ? ` (${c.mode})` : ''}${c.until ? ` until ${clock(c.until)}` : ''}`,
    })),
  ]
    .sort((a, b) => a.at - b.at || a.channel.localeCompare(b.channel) || a.event.localeCompare(b.event))
    .map((e) => ({ clock: formatClock(run.date, e.at, true), channel: e.channel, event: e.event }));

  const bucketMinutes = s.report?.bucketMinutes ?? 15;
  return {
    scenario: { name: s.name, description: s.description ?? null, date: run.date },
    seed: run.seed,
    scale: run.scale,
    mode: run.mode,
    engine: run.engineSource,
    notes: notesFor(run),
    simulated: {
      from: clock(run.simStart),
      to: clock(run.simEnd),
      minutes: Math.round((run.simEnd - run.simStart) / MINUTE),
    },
    totals: {
      applicants: run.records.length,
      fraud: { count: fraudCount, caught, detectionRate: detection },
      genuine: {
        count: genuineCount,
        rejected,
        falseRejectRate: falseReject,
        lockdownCollateral: sum(genuinePops, (p) => p.lockdownCollateral),
        friction: sum(genuinePops, (p) => p.friction),
      },
      errors,
    },
    populations,
    surge,
    lockdowns,
    timeline,
    bucketMinutes,
    channels: channelSeries(run, bucketMinutes),
    checks,
    errorSamples: run.records
      .filter((r) => r.error)
      .slice(0, 20)
      .map((r) => ({
        population: r.population,
        step: r.error!.step,
        code: r.error!.code,
        ...(r.error!.message ? { message: r.error!.message } : {}),
      })),
    wallMs: run.wallMs,
  };
}

export { pct };

/** How the report names where its risk data came from. */
export const ENGINE_SOURCE_TEXT: Record<Report['engine'], string> = {
  engine: 'the in-process engine',
  'staff-api': 'the staff API',
  none: 'none (no engine view)',
};
