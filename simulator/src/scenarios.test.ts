/**
 * The shipped scenarios, run small against the sandbox bank in process (one PGlite for the file),
 * with the risk engine deciding: the numbers the issue asks for, per scenario. Also: a run is
 * deterministic for its seed, and the HTML report is self-contained.
 */
import { join } from 'node:path';
import type { Db } from '../../server/src/db/connect';
import { newSimulatorDb } from './bank/in-process';
import { buildReport, type Report } from './report/build';
import { htmlReport } from './report/html';
import { runScenario } from './runner/runner';
import { loadScenario, parseScenario } from './scenario/load';

jest.setTimeout(180_000);

let db: Db;
beforeAll(async () => {
  db = await newSimulatorDb();
});
afterAll(async () => {
  await db?.destroy();
});

const shipped = (name: string) => loadScenario(join(__dirname, '..', 'scenarios', `${name}.yaml`));
const run = async (name: string, scale: number) => buildReport(await runScenario(shipped(name), { scale, db }));
/** A check as one line, so a failing assertion prints what was measured: "✗ name: detail". */
const check = (r: Report, name: string) => {
  const c = r.checks.find((x) => x.name === name);
  return c ? `${c.pass ? '✓' : '✗'} ${c.name}: ${c.detail}` : `✗ ${name}: not checked`;
};

// [scenario, scale]: sizes that keep this file to about a minute and a half on two cores.
const SCENARIOS: Array<[string, number]> = [
  ['genuine-owners', 0.1],
  ['office-nat', 0.3],
  ['corporate-vpn', 0.25],
  ['elderly', 0.2],
  ['emulator-farm', 0.12],
  ['intermediary', 0.12],
  ['protocol-attackers', 0.2],
  ['surge-day', 0.1],
  ['surge-demo', 1],
  ['mixed-day', 0.12],
];

describe('shipped scenarios', () => {
  it.each(SCENARIOS)('%s (scale %s)', async (name, scale) => {
    const r = await run(name, scale);
    expect(r.engine).toBe('engine');
    expect(check(r, 'journeys ran as written')).toMatch(/^✓/);
    if (r.totals.fraud.count) {
      expect(check(r, 'fraud caught')).toMatch(/^✓/);
      expect(r.totals.fraud.detectionRate).toBeGreaterThanOrEqual(0.98);
    }
    if (r.totals.genuine.count) {
      expect(check(r, 'genuine wrongly rejected')).toMatch(/^✓/);
      expect(r.totals.genuine.falseRejectRate).toBeLessThanOrEqual(0.01);
    }
    if (r.surge) {
      expect(check(r, 'surge detected in time')).toMatch(/^✓/);
      expect(r.surge.delayMinutes).toBeLessThanOrEqual(5);
      expect(check(r, 'other channels unaffected')).toMatch(/^✓/);
      expect(check(r, 'lockdown lifted on schedule')).toMatch(/^✓/);
    } else {
      expect(check(r, 'no channel locked down')).toMatch(/^✓/);
    }
    expect(r.checks.filter((c) => !c.pass)).toEqual([]);
  });
});

const TINY = `name: tiny-mix
populations:
  - { name: owners, count: 4, channel: organic, device: { profile: [iphone, huawei] }, behaviour: genuine,
      arrivals: { start: '09:00', end: '09:30' }, steps: [consent, login, real-name, enterprise, apply, sign, drawdown] }
  - { name: farm, count: 4, devices: 2, channel: partner-x, device: { profile: farmPhone }, behaviour: farm,
      ip: farm-subnet, arrivals: { start: '09:00', end: '09:10', shape: burst }, steps: [consent, login, real-name, enterprise, apply] }
  - { name: replay, count: 1, channel: organic, device: { profile: iphone }, behaviour: replay,
      arrivals: { start: '09:05', end: '09:05' }, steps: [consent, login, real-name, enterprise, apply] }
expect: { fraud: [farm, replay], genuine: [owners] }
`;

describe('a run', () => {
  const without = ({ wallMs: _w, ...rest }: Report) => rest;

  it('is the same for the same seed, and differs for another seed', async () => {
    const s = parseScenario(TINY);
    // A bank remembers the people of a run (one verified resident ID per customer, and the shipped
    // scenarios above used this file's bank), so each run here gets a bank of its own.
    const onFreshBank = async (seed: number) => {
      const fresh = await newSimulatorDb();
      try {
        return buildReport(await runScenario(s, { seed, db: fresh }));
      } finally {
        await fresh.destroy();
      }
    };
    const a = await onFreshBank(3);
    const b = await onFreshBank(3);
    const c = await onFreshBank(4);
    expect(a.checks.find((x) => x.name === 'journeys ran as written')?.pass).toBe(true);
    expect(without(b)).toEqual(without(a));
    expect(a.totals.applicants).toBe(9);
    expect(a.populations.find((p) => p.name === 'replay')?.refusals).toEqual({ REPLAY_NONCE: 1 });
    expect(without(c)).not.toEqual(without(a));

    const html = htmlReport(a);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('tiny-mix');
  });
});
