/**
 * Channel surge detection — the source article's event: a 撸口子 gang pours applications through
 * one channel of a new loan product while its approval rate collapses.
 *
 * Per channel, applications are counted in time buckets. Each application then tests its channel:
 *  1. volume — applications in the last `windowBuckets` buckets against the channel's own baseline
 *     (EWMA of the trailing `baselineBuckets`, buckets under an automatic lockdown left out, floored
 *     by `minExpectedPerBucket` so a brand-new channel has a prior), with a Poisson upper-tail test:
 *     anomalous when p < `pValue` and at least `minCount` arrived;
 *  2. quality — the window's approval rate fell to `approvalDropRatio` of the baseline's, or at
 *     least `riskShare` of the window's applications hit a risk reason.
 * Volume alone is a "watch" (a genuine campaign also surges, with a normal approval rate); volume
 * and quality together put the channel under lockdown: `lockdownMode` for `lockdownMinutes`, then
 * `review` for `coolDownMinutes`, then normal — unless the surge is still there, which opens a new
 * lockdown. Staff can set or lift a lockdown at any time; after a staff lift the detector only
 * alerts, and does not lock the channel again, for `lockdownMinutes`.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelStatus, SurgeConfig } from '../risk-engine-api';
import type {
  ChannelBucket,
  ChannelCondition,
  EngineStore,
  LockdownMode,
  SurgeAlert,
  SurgeEvidence,
} from '../state/engine-store';
import { poissonUpperTail } from './poisson';

export const DEFAULT_SURGE_CONFIG: SurgeConfig = {
  bucketMinutes: 1,
  windowBuckets: 3,
  baselineBuckets: 120,
  ewmaAlpha: 0.05,
  minExpectedPerBucket: 0.5,
  minCount: 8,
  pValue: 1e-4,
  approvalDropRatio: 0.5,
  riskShare: 0.5,
  lockdownMode: 'reject',
  lockdownMinutes: 60,
  coolDownMinutes: 60,
};

const MINUTE = 60_000;
/** Baseline approval rates from fewer applications than this are not trusted. */
const MIN_BASELINE_APPLICATIONS = 10;

export const isActive = (c: ChannelCondition, t: number) =>
  c.from <= t && (c.until === null || t < c.until) && (c.liftedAt === undefined || t < c.liftedAt);

const MODE_RANK = { none: 0, review: 1, reject: 2 } as const;

/** The strictest condition in force: staff and automatic lockdowns and cool-downs alike. */
export function strictestMode(conditions: readonly ChannelCondition[], t: number): 'none' | LockdownMode {
  let mode: 'none' | LockdownMode = 'none';
  for (const c of conditions) if (isActive(c, t) && MODE_RANK[c.mode] > MODE_RANK[mode]) mode = c.mode;
  return mode;
}

export interface SurgeDetector {
  /** Counts one decided application into its channel's bucket, then tests the channel. */
  observe(channel: string, at: number, o: { approved: boolean; risky: boolean }): Promise<ChannelStatus>;
  status(channel: string, at: number): Promise<ChannelStatus>;
  lockdownMode(channel: string, at: number): Promise<'none' | LockdownMode>;
  lockdown(
    channel: string,
    at: number,
    o: { mode: LockdownMode; minutes?: number; reason: string; actor: string },
  ): Promise<ChannelCondition>;
  lift(channel: string, at: number, o: { reason: string; actor: string }): Promise<ChannelCondition[]>;
}

export function createSurgeDetector(
  store: EngineStore,
  config: SurgeConfig,
  newId: (at: number) => string = () => randomUUID(),
): SurgeDetector {
  const size = config.bucketMinutes * MINUTE;
  const bucketOf = (t: number) => Math.floor(t / size) * size;

  function measure(
    buckets: ChannelBucket[],
    conditions: ChannelCondition[],
    at: number,
  ): SurgeEvidence & { volume: boolean; quality: boolean } {
    const current = bucketOf(at);
    const windowStart = current - (config.windowBuckets - 1) * size;
    const byStart = new Map(buckets.map((b) => [b.start, b]));
    let count = 0;
    let approved = 0;
    let risky = 0;
    for (let s = windowStart; s <= current; s += size) {
      const b = byStart.get(s);
      if (!b) continue;
      count += b.applications;
      approved += b.approved;
      risky += b.risky;
    }
    // Periods the engine locked down are not "normal" for the channel: keep them out of its baseline.
    const automatic = conditions.filter((c) => c.setBy === 'auto');
    let ewma: number | null = null;
    let baseApps = 0;
    let baseApproved = 0;
    for (let s = windowStart - config.baselineBuckets * size; s < windowStart; s += size) {
      if (automatic.some((c) => c.from <= s + size && (c.until === null || s < c.until))) continue;
      const n = byStart.get(s)?.applications ?? 0;
      baseApps += n;
      baseApproved += byStart.get(s)?.approved ?? 0;
      ewma = ewma === null ? n : config.ewmaAlpha * n + (1 - config.ewmaAlpha) * ewma;
    }
    const perBucket = Math.max(ewma ?? 0, config.minExpectedPerBucket);
    const expected = perBucket * config.windowBuckets;
    const pValue = poissonUpperTail(count, expected);
    const approvalRate = count ? approved / count : null;
    const baselineApprovalRate = baseApps >= MIN_BASELINE_APPLICATIONS ? baseApproved / baseApps : null;
    const riskShare = count ? risky / count : null;
    const volume = count >= config.minCount && pValue < config.pValue;
    const quality =
      (approvalRate !== null &&
        baselineApprovalRate !== null &&
        approvalRate <= config.approvalDropRatio * baselineApprovalRate) ||
      (riskShare !== null && riskShare >= config.riskShare);
    return {
      count,
      expected: Math.round(expected * 1000) / 1000,
      pValue,
      approvalRate,
      baselineApprovalRate,
      riskShare,
      windowMinutes: config.windowBuckets * config.bucketMinutes,
      volume,
      quality,
    };
  }

  async function load(channel: string, at: number) {
    const current = bucketOf(at);
    const from = current - (config.windowBuckets - 1 + config.baselineBuckets) * size;
    const [buckets, conditions] = await Promise.all([
      store.buckets(channel, from, current + size),
      store.conditions(channel),
    ]);
    return { buckets, conditions };
  }

  function toStatus(
    channel: string,
    conditions: ChannelCondition[],
    m: ReturnType<typeof measure>,
    at: number,
  ): ChannelStatus {
    const active = conditions.filter((c) => isActive(c, at));
    const lock = active.find((c) => c.mode === 'reject' || c.setBy === 'staff');
    const cool = active.find((c) => c.mode === 'review' && c.setBy === 'auto');
    const { volume: _v, quality: _q, ...evidence } = m;
    return {
      channel,
      state: lock ? 'lockdown' : cool ? 'cool_down' : m.volume ? 'watch' : 'normal',
      condition: lock ?? cool ?? null,
      evidence,
    };
  }

  async function alertOnce(
    channel: string,
    at: number,
    kind: SurgeAlert['kind'],
    evidence: SurgeAlert['evidence'],
    conditionId?: string,
  ) {
    const recent = await store.alerts({ channel, since: at - config.lockdownMinutes * MINUTE, limit: 20 });
    if (kind === 'surge' && recent.some((a) => a.kind === 'surge')) return;
    await store.putAlert({ id: newId(at), channel, at, kind, evidence, ...(conditionId ? { conditionId } : {}) });
  }

  async function trigger(channel: string, at: number, conditions: ChannelCondition[], m: ReturnType<typeof measure>) {
    const { volume: _v, quality: _q, ...evidence } = m;
    const staffLift = conditions.some(
      (c) => c.liftedAt !== undefined && c.liftedBy !== 'engine' && at - c.liftedAt < config.lockdownMinutes * MINUTE,
    );
    await alertOnce(channel, at, 'surge', evidence);
    if (staffLift) return; // staff looked at this channel and opened it: say what we see, do not override them
    const until = at + config.lockdownMinutes * MINUTE;
    // One id per channel and bucket: two instances detecting the same surge write the same condition.
    const id = `auto-${channel}-${bucketOf(at)}`;
    const lock: ChannelCondition = {
      id,
      channel,
      mode: config.lockdownMode,
      from: at,
      until,
      reason: 'surge',
      setBy: 'auto',
      actor: 'engine',
    };
    await store.putCondition(lock);
    if (config.coolDownMinutes > 0 && config.lockdownMode === 'reject')
      await store.putCondition({
        ...lock,
        id: `${id}-cool`,
        mode: 'review',
        from: until,
        until: until + config.coolDownMinutes * MINUTE,
        reason: 'cool-down',
      });
    await store.putAlert({ id: newId(at), channel, at, kind: 'lockdown', evidence, conditionId: id });
    conditions.push(lock);
  }

  return {
    async observe(channel, at, o) {
      await store.bumpBucket(channel, bucketOf(at), {
        applications: 1,
        approved: o.approved ? 1 : 0,
        risky: o.risky ? 1 : 0,
      });
      const { buckets, conditions } = await load(channel, at);
      const m = measure(buckets, conditions, at);
      if (m.volume && m.quality && strictestMode(conditions, at) !== 'reject')
        await trigger(channel, at, conditions, m);
      else if (m.volume) await alertOnce(channel, at, 'surge', toStatus(channel, conditions, m, at).evidence);
      return toStatus(channel, conditions, m, at);
    },

    async status(channel, at) {
      const { buckets, conditions } = await load(channel, at);
      return toStatus(channel, conditions, measure(buckets, conditions, at), at);
    },

    async lockdownMode(channel, at) {
      return strictestMode(await store.conditions(channel), at);
    },

    async lockdown(channel, at, o) {
      const c: ChannelCondition = {
        id: newId(at),
        channel,
        mode: o.mode,
        from: at,
        until: o.minutes ? at + o.minutes * MINUTE : null,
        reason: o.reason,
        setBy: 'staff',
        actor: o.actor,
      };
      await store.putCondition(c);
      await store.putAlert({
        id: newId(at),
        channel,
        at,
        kind: 'lockdown',
        evidence: { setBy: 'staff', actor: o.actor, reason: o.reason, mode: o.mode },
        conditionId: c.id,
      });
      return c;
    },

    async lift(channel, at, o) {
      // Lifts what is in force now and what is scheduled (an automatic cool-down after the lockdown).
      const open = (await store.conditions(channel)).filter(
        (c) => c.liftedAt === undefined && (c.until === null || c.until > at),
      );
      const lifted = open.map((c) => ({ ...c, liftedAt: at, liftedBy: o.actor, liftReason: o.reason }));
      for (const c of lifted) await store.putCondition(c);
      if (lifted.length)
        await store.putAlert({
          id: newId(at),
          channel,
          at,
          kind: 'lockdown_lifted',
          evidence: { actor: o.actor, reason: o.reason, conditions: lifted.length },
        });
      return lifted;
    },
  };
}
