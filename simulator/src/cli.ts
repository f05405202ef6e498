/**
 * `npm run simulate -- <scenario> [options]`: runs a scenario and writes its report.
 * <scenario> is a file, or the name of a shipped one in simulator/scenarios (e.g. `surge-day`).
 * Exit code 1 when a check the scenario expects fails, 2 on a usage or scenario error.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MODELS } from './behaviour';
import { buildReport } from './report/build';
import { htmlReport } from './report/html';
import { terminalSummary } from './report/summary';
import { terminalProgress } from './runner/progress';
import { runScenario } from './runner/runner';
import { loadScenario, ScenarioError } from './scenario/load';
import { parseTimeOfDay } from './scenario/time';

const SHIPPED = resolve(__dirname, '..', 'scenarios');

const HELP = `Usage: npm run simulate -- <scenario> [options]

  <scenario>            a scenario file, or a shipped scenario name: ${shippedNames().join(', ')}

Options:
  --seed N              seed (default: the scenario's, else 1); same seed → same report
  --scale X             multiply every population count by X (e.g. 0.1 for a quick run)
  --json FILE           write the report as JSON
  --html FILE           write a self-contained HTML report (SVG charts, works offline)
  --http URL            run against a running server (e.g. http://127.0.0.1:8080) instead of in process
  --staff-key KEY       X-Staff-Key for the staff API over HTTP (default: $STAFF_API_KEY)
  --pace P              over HTTP: realtime (default; a simulated minute takes a minute) or fast
  --engine-store S      in process: memory (default) or sql (the bank's PGlite tables)
  --quiet               no progress bar, no summary
  --help

Behaviour models: ${[...MODELS.keys()].join(', ')}`;

function shippedNames(): string[] {
  return existsSync(SHIPPED)
    ? readdirSync(SHIPPED)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.replace(/\.yaml$/, ''))
        .sort()
    : [];
}

function scenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const shipped = join(SHIPPED, `${arg}.yaml`);
  if (existsSync(shipped)) return shipped;
  throw new Error(`no scenario file "${arg}" (shipped: ${shippedNames().join(', ')})`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      scale: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      http: { type: 'string' },
      'staff-key': { type: 'string' },
      'engine-store': { type: 'string' },
      pace: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  const number = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
    return n;
  };
  const store = values['engine-store'];
  if (store !== undefined && store !== 'memory' && store !== 'sql')
    throw new Error('--engine-store must be memory or sql');

  const pace = values.pace;
  if (pace !== undefined && pace !== 'realtime' && pace !== 'fast') throw new Error('--pace must be realtime or fast');

  const scenario = loadScenario(scenarioPath(positionals[0]));
  if (values.http && (pace ?? 'realtime') === 'realtime' && !values.quiet) {
    const starts = scenario.populations.map((p) => parseTimeOfDay(p.arrivals.start));
    const ends = scenario.populations.map((p) => parseTimeOfDay(p.arrivals.end));
    const minutes = Math.max(...ends, scenario.until ? parseTimeOfDay(scenario.until) : 0) - Math.min(...starts);
    process.stderr.write(
      `Over HTTP in real time: this run takes at least ${Math.floor(minutes / 60)} h ${minutes % 60} min ` +
        '(--pace fast sends everything now, without meaningful timing signals).\n',
    );
  }
  const run = await runScenario(scenario, {
    seed: number('seed', values.seed),
    scale: number('scale', values.scale),
    http: values.http,
    staffKey: values['staff-key'] ?? process.env.STAFF_API_KEY,
    engineStore: store,
    pace,
    progress: values.quiet ? undefined : terminalProgress(),
  });
  const report = buildReport(run);
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
  if (values.html) writeFileSync(values.html, htmlReport(report));
  if (!values.quiet) {
    process.stdout.write(terminalSummary(report) + '\n');
    for (const f of [values.json, values.html]) if (f) process.stdout.write(`wrote ${f}\n`);
  }
  return report.checks.every((c) => c.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(
      `${err instanceof ScenarioError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(2);
  },
);
