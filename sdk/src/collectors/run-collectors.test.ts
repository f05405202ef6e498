import { runCollectors } from './run-collectors';
import { COLLECTORS } from './registry';
import { virtualContext } from './test-context';
import { getSignal, type ConsentLevel } from '../manifest';
import type { Collector } from './types';

const BASIC: ReadonlySet<ConsentLevel> = new Set(['basic']);

describe('runCollectors', () => {
  afterEach(() => jest.useRealTimers());

  it('every registered collector is declared in the manifest, in a stable order', () => {
    for (const c of COLLECTORS) expect(getSignal(c.signal)).toBeDefined();
    expect(new Set(COLLECTORS.map((c) => c.signal)).size).toBe(COLLECTORS.length);
  });

  it('collects every mini-program signal on a virtual device', async () => {
    const snap = await runCollectors(COLLECTORS, virtualContext(), { granted: BASIC });
    expect(Object.keys(snap)).toEqual([
      'device',
      'window',
      'appBase',
      'systemSetting',
      'launch',
      'timezone',
      'clockOffset',
      'installId',
      'launchCount',
      'network',
      'battery',
      'screenRecording',
    ]);
    for (const r of Object.values(snap)) expect('value' in r).toBe(true);
  });

  it('isolates a failing collector', async () => {
    const snap = await runCollectors(COLLECTORS, virtualContext({ faults: { network: 'throw' } }), { granted: BASIC });
    expect(snap.network).toEqual({ error: 'virtual fault in network', duration: expect.any(Number) });
    expect('value' in snap.battery).toBe(true);
    expect('value' in snap.device).toBe(true);
  });

  it('isolates a collector that throws synchronously', async () => {
    const bad: Collector = {
      signal: 'battery',
      run: () => {
        throw new Error('sync boom');
      },
    };
    const snap = await runCollectors([bad, COLLECTORS[0]], virtualContext(), { granted: BASIC });
    expect(snap.battery).toMatchObject({ error: 'sync boom' });
    expect('value' in snap.device).toBe(true);
  });

  it('gives a hanging collector TIMEOUT after its budget, without holding the others', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const ctx = virtualContext({ faults: { battery: 'hang' } });
    const p = runCollectors(COLLECTORS, ctx, { granted: BASIC, budgetMs: 200, deadlineMs: 5000 });
    await jest.advanceTimersByTimeAsync(200);
    const snap = await p;
    expect(snap.battery).toEqual({ error: 'TIMEOUT', duration: 200 });
    expect('value' in snap.network).toBe(true);
  });

  it('stops at the global deadline with DEADLINE for unfinished collectors', async () => {
    jest.useFakeTimers({ now: 0 });
    const slow: Collector = { signal: 'network', run: () => new Promise((r) => setTimeout(() => r(1), 10_000)) };
    const fast: Collector = { signal: 'device', run: () => 'ok' };
    const p = runCollectors([fast, slow], virtualContext({ clock: () => Date.now() }), {
      granted: BASIC,
      budgetMs: 60_000,
      deadlineMs: 500,
    });
    await jest.advanceTimersByTimeAsync(500);
    const snap = await p;
    expect(snap.device).toEqual({ value: 'ok', duration: 0 });
    expect(snap.network).toEqual({ error: 'DEADLINE', duration: 500 });
  });

  it('refuses a signal missing from the manifest without running it', async () => {
    const run = jest.fn(() => 'secret');
    const snap = await runCollectors([{ signal: 'imei', run }], virtualContext(), { granted: BASIC });
    expect(run).not.toHaveBeenCalled();
    expect(snap.imei).toEqual({ error: 'NOT_DECLARED', duration: 0 });
  });

  it('does not run a signal above the granted level', async () => {
    const run = jest.fn(() => 1);
    const snap = await runCollectors([{ signal: 'sensors.motion', run }], virtualContext(), { granted: BASIC });
    expect(run).not.toHaveBeenCalled();
    expect(snap).toEqual({});
  });

  it('skips collectors whose probe the platform lacks (H5 signals on a mini-program)', async () => {
    const snap = await runCollectors(COLLECTORS, virtualContext(), { granted: BASIC });
    expect(snap.fingerprint).toBeUndefined();
    expect(snap.botd).toBeUndefined();
  });
});
