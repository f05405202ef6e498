/**
 * Wall time of a simulated day of 10,000 applicants in process (budget: 60 s): the mixed-day
 * scenario — owners on five channels, the gang's surge at 14:00, bots, emulators, intermediaries,
 * protocol attackers — scaled to the size asked, against the sandbox bank on PGlite in memory with
 * the risk engine on its memory store.
 *   npx tsx simulator/bench/day.bench.ts            # 10,000 applicants
 *   BENCH_APPLICANTS=1000 npx tsx simulator/bench/day.bench.ts
 * Writes simulator/bench-results/day.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../src/report/build';
import { terminalProgress } from '../src/runner/progress';
import { runScenario } from '../src/runner/runner';
import { loadScenario } from '../src/scenario/load';

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 10_000);
const BUDGET_MS = 60_000;

async function main() {
  const scenario = loadScenario(join(__dirname, '..', 'scenarios', 'mixed-day.yaml'));
  const total = scenario.populations.reduce((a, p) => a + p.count, 0);
  const scale = APPLICANTS / total;
  const cpu0 = process.cpuUsage();
  const run = await runScenario(scenario, { scale, progress: terminalProgress() });
  const cpu = process.cpuUsage(cpu0);
  const report = buildReport(run);
  const result = {
    scenario: scenario.name,
    applicants: run.records.length,
    simulatedMinutes: report.simulated.minutes,
    wallMs: run.wallMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    msPerApplicant: Math.round((run.wallMs / run.records.length) * 10) / 10,
    budgetMs: BUDGET_MS,
    withinBudget: run.wallMs <= BUDGET_MS,
    detectionRate: report.totals.fraud.detectionRate,
    falseRejectRate: report.totals.genuine.falseRejectRate,
    surgeDelayMinutes: report.surge?.delayMinutes ?? null,
    node: process.version,
  };
  console.log(
    `simulated day of ${result.applicants} applicants (${scenario.name}, ${result.simulatedMinutes} simulated min): ` +
      `${(result.wallMs / 1000).toFixed(1)} s wall, ${(result.cpuMs / 1000).toFixed(1)} s CPU, ` +
      `${result.msPerApplicant} ms per applicant; budget ${BUDGET_MS / 1000} s: ${result.withinBudget ? 'within' : 'OVER'}`,
  );
  const dir = join(__dirname, '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'day.json'), JSON.stringify(result, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
