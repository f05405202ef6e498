import { createMemoryEngineStore } from '../state/memory-engine-store';
import { createSurgeDetector, DEFAULT_SURGE_CONFIG, strictestMode } from './surge-detector';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 1, 0, 0); // 08:00 in China

/** Feeds `perMinute` applications a minute on a channel from minute `from` to `to` (exclusive). */
async function traffic(
  d: ReturnType<typeof createSurgeDetector>,
  channel: string,
  from: number,
  to: number,
  perMinute: number,
  o: { approved: boolean; risky: boolean },
) {
  let last;
  for (let m = from; m < to; m++)
    for (let i = 0; i < perMinute; i++) last = await d.observe(channel, T0 + m * MIN + (i * MIN) / perMinute, o);
  return last!;
}

const normal = { approved: true, risky: false };
const fraud = { approved: false, risky: true };

describe('surge detector', () => {
  let n = 0;
  const make = (over = {}) => {
    const store = createMemoryEngineStore();
    return { store, d: createSurgeDetector(store, { ...DEFAULT_SURGE_CONFIG, ...over }, () => `id-${++n}`) };
  };

  it('locks a channel down within minutes of a surge with collapsing quality, and leaves the others alone', async () => {
    const { store, d } = make();
    // Two hours of normal traffic on two channels: 2 a minute each.
    for (let m = 0; m < 120; m++) {
      await traffic(d, 'organic', m, m + 1, 2, normal);
      await traffic(d, 'partner-x', m, m + 1, 2, normal);
    }
    expect((await d.status('partner-x', T0 + 120 * MIN)).state).toBe('normal');
    // The gang arrives at minute 120: 25 a minute, none approved.
    let lockedAt: number | null = null;
    for (let m = 120; m < 130 && lockedAt === null; m++) {
      for (let i = 0; i < 25; i++) {
        const s = await d.observe('partner-x', T0 + m * MIN + i * 2000, fraud);
        if (s.state === 'lockdown') {
          lockedAt = T0 + m * MIN + i * 2000;
          break;
        }
      }
    }
    expect(lockedAt).not.toBeNull();
    expect(lockedAt! - (T0 + 120 * MIN)).toBeLessThanOrEqual(2 * MIN);
    expect(await d.lockdownMode('partner-x', lockedAt!)).toBe('reject');
    expect(await d.lockdownMode('organic', lockedAt!)).toBe('none');
    const alerts = await store.alerts({ channel: 'partner-x' });
    expect(alerts.map((a) => a.kind).sort()).toEqual(['lockdown', 'surge']);
    const evidence = alerts.find((a) => a.kind === 'lockdown')!.evidence as {
      pValue: number;
      count: number;
      riskShare: number;
    };
    expect(evidence.pValue).toBeLessThan(1e-4);
    expect(evidence.riskShare).toBeGreaterThanOrEqual(0.5);
    // Lockdown 60 min, then review for 60 min, then normal — on schedule.
    expect(await d.lockdownMode('partner-x', lockedAt! + 59 * MIN)).toBe('reject');
    expect(await d.lockdownMode('partner-x', lockedAt! + 61 * MIN)).toBe('review');
    expect((await d.status('partner-x', lockedAt! + 61 * MIN)).state).toBe('cool_down');
    expect(await d.lockdownMode('partner-x', lockedAt! + 121 * MIN)).toBe('none');
  });

  it('a genuine campaign (volume up, approval rate normal) is a watch, not a lockdown', async () => {
    const { store, d } = make();
    await traffic(d, 'campaign', 0, 120, 1, normal);
    const s = await traffic(d, 'campaign', 120, 125, 20, normal);
    expect(s.state).toBe('watch');
    expect(await d.lockdownMode('campaign', T0 + 125 * MIN)).toBe('none');
    expect((await store.alerts({ channel: 'campaign' })).map((a) => a.kind)).toEqual(['surge']);
  });

  it('an approval-rate collapse counts as a quality anomaly even without risk hits', async () => {
    const { d } = make();
    await traffic(d, 'ch', 0, 120, 2, normal);
    const s = await traffic(d, 'ch', 120, 123, 20, { approved: false, risky: false });
    expect(s.state).toBe('lockdown');
    expect(s.evidence.baselineApprovalRate).toBe(1);
  });

  it('a brand-new channel has a prior: a handful of applications is not a surge, a flood is', async () => {
    const { d } = make();
    expect((await traffic(d, 'new', 0, 1, 3, fraud)).state).toBe('normal');
    expect((await traffic(d, 'new2', 0, 2, 10, fraud)).state).toBe('lockdown');
  });

  it('staff lockdown and lift, with audit alerts; after a lift the detector only alerts', async () => {
    const { store, d } = make();
    const at = T0 + 10 * MIN;
    const c = await d.lockdown('ch', at, { mode: 'review', minutes: 30, reason: '人工封控', actor: 'staff-1' });
    expect(c).toMatchObject({ setBy: 'staff', mode: 'review', until: at + 30 * MIN });
    expect(await d.lockdownMode('ch', at + MIN)).toBe('review');
    expect((await d.status('ch', at + MIN)).state).toBe('lockdown');
    const lifted = await d.lift('ch', at + 2 * MIN, { reason: '误报', actor: 'staff-2' });
    expect(lifted).toHaveLength(1);
    expect(await d.lockdownMode('ch', at + 3 * MIN)).toBe('none');
    const s = await traffic(d, 'ch', 13, 16, 20, fraud);
    expect(s.state).toBe('watch');
    expect((await store.alerts({ channel: 'ch' })).map((a) => a.kind)).toEqual([
      'surge',
      'lockdown_lifted',
      'lockdown',
    ]);
  });

  it('strictestMode ignores lifted and expired conditions', () => {
    const base = { channel: 'c', reason: 'r', setBy: 'auto' as const, actor: 'engine' };
    const conds = [
      { ...base, id: 'a', mode: 'reject' as const, from: 0, until: 10 },
      { ...base, id: 'b', mode: 'reject' as const, from: 0, until: null, liftedAt: 5 },
      { ...base, id: 'c', mode: 'review' as const, from: 0, until: 100 },
    ];
    expect(strictestMode(conds, 4)).toBe('reject');
    expect(strictestMode(conds, 12)).toBe('review');
    expect(strictestMode(conds, 100)).toBe('none');
  });
});
