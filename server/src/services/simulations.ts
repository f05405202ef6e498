import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { isoTime } from '../time';

/** The shipped scenarios (simulator/scenarios/*.yaml). */
export const SCENARIOS_DIR = resolve(__dirname, '../../../simulator/scenarios');

/**
 * Where a console-started run sends its traffic: the bank's own API on a loopback port (see
 * app.ts `simulationGateway`), sharing this bank's database and risk engine, so the run's decisions,
 * alerts and lockdowns are the ones the console shows.
 */
export interface SimulationGateway {
  url: string;
  staffKey: string;
  close(): Promise<void>;
}

export type SimulationPace = 'realtime' | 'fast';

export interface SimulationRunner {
  scenarios(): Array<{ name: string; description: string }>;
  start(
    input: { scenario: string; scale: number; seed?: number; pace?: SimulationPace },
    actor: string,
  ): Promise<RunView>;
  /** Stops the run under way (its report covers what finished); 409 when it is not running. */
  stop(id: string): Promise<RunView>;
  list(): Promise<RunView[]>;
  get(id: string): Promise<RunView>;
  report(id: string): Promise<string>;
  /** Resolves when no run is going (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops any run and waits for it (shutdown). */
  close(): Promise<void>;
}

export interface RunView {
  id: string;
  scenario: string;
  scale: number;
  seed: number | null;
  status: 'running' | 'done' | 'stopped' | 'failed';
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  summary: Record<string, unknown> | null;
  error: string | null;
  hasReport: boolean;
}

type Row = {
  id: string;
  scenario: string;
  scale: number;
  seed: number | null;
  status: RunView['status'];
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  summary: string | null;
  error: string | null;
  has_report: boolean | number;
};

function view(r: Row): RunView {
  return {
    id: r.id,
    scenario: r.scenario,
    scale: Number(r.scale),
    seed: r.seed,
    status: r.status,
    startedBy: r.started_by,
    startedAt: isoTime(r.started_at),
    finishedAt: r.finished_at ? isoTime(r.finished_at) : null,
    summary: r.summary ? (JSON.parse(r.summary) as Record<string, unknown>) : null,
    error: r.error,
    hasReport: !!r.has_report,
  };
}

/** The simulator through its public entry points only (loaded when a run starts, not with the bank). */
async function simulator() {
  const [{ loadScenario }, { runScenario }, { buildReport }, { htmlReport }] = await Promise.all([
    import('../../../simulator/src/scenario/load'),
    import('../../../simulator/src/runner/runner'),
    import('../../../simulator/src/report/build'),
    import('../../../simulator/src/report/html'),
  ]);
  return { loadScenario, runScenario, buildReport, htmlReport };
}

/**
 * Simulator runs started from the console: one at a time, in the background. Pace `realtime` (the
 * default) keeps the scenario's clock — a simulated minute is a real minute — so typing and form
 * timing, the surge window and the lockdown's schedule mean what they say; `fast` sends the whole
 * scenario as fast as the bank answers (outcomes, reasons, alerts and lockdowns are real; time-based
 * signals are compressed, so owners can look superhuman). A run can be stopped; the report — the
 * simulator's own HTML — is kept with the run, covering what finished.
 */
export function createSimulationRunner(opts: {
  db: Db;
  clock: Clock;
  log: () => FastifyBaseLogger;
  gateway: () => Promise<SimulationGateway>;
  /** Off in production (NODE_ENV=production): runs need the sandbox's dev routes (SMS inbox). */
  enabled: boolean;
  scenariosDir?: string;
}): SimulationRunner {
  const dir = opts.scenariosDir ?? SCENARIOS_DIR;
  let running: { id: string; done: Promise<void>; abort: AbortController } | null = null;

  const scenarioNames = () =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => f.replace(/\.yaml$/, ''))
          .sort()
      : [];

  const select = () =>
    opts.db
      .selectFrom('simulation_runs')
      .select([
        'id',
        'scenario',
        'scale',
        'seed',
        'status',
        'started_by',
        'started_at',
        'finished_at',
        'summary',
        'error',
        (eb) => eb('report_html', 'is not', null).as('has_report'),
      ]);

  async function execute(
    id: string,
    file: string,
    input: { scale: number; seed?: number; pace: SimulationPace },
    signal: AbortSignal,
  ) {
    const finish = (values: {
      status: 'done' | 'stopped' | 'failed';
      summary?: string;
      report_html?: string;
      error?: string;
    }) =>
      opts.db
        .updateTable('simulation_runs')
        .set({ ...values, finished_at: opts.clock.now() })
        .where('id', '=', id)
        .execute();
    let gateway: SimulationGateway | null = null;
    try {
      const sim = await simulator();
      const scenario = sim.loadScenario(file);
      gateway = await opts.gateway();
      const run = await sim.runScenario(scenario, {
        http: gateway.url,
        staffKey: gateway.staffKey,
        pace: input.pace,
        scale: input.scale,
        signal,
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
      });
      const report = sim.buildReport(run);
      await finish({
        status: run.stoppedAt === null ? 'done' : 'stopped',
        summary: JSON.stringify({
          pace: input.pace,
          totals: report.totals,
          surge: report.surge,
          lockdowns: report.lockdowns.map((l) => ({ channel: l.channel, mode: l.mode, from: l.fromClock })),
          checks: report.checks,
          notes: report.notes,
          wallMs: report.wallMs,
        }),
        report_html: sim.htmlReport(report),
      });
    } catch (err) {
      opts.log().warn({ err, run: id }, 'simulation run failed');
      await finish({ status: 'failed', error: String((err as Error)?.message ?? err).slice(0, 500) }).catch(
        () => undefined,
      );
    } finally {
      await gateway?.close().catch(() => undefined);
    }
  }

  return {
    scenarios: () =>
      scenarioNames().map((name) => {
        const text = readFileSync(join(dir, `${name}.yaml`), 'utf8');
        const m = /^description:\s*(.+)$/m.exec(text);
        return { name, description: m ? m[1].trim().replace(/^['"]|['"]$/g, '') : '' };
      }),

    async start(input, actor) {
      if (!opts.enabled) throw new AppError(409, 'SIMULATIONS_DISABLED', '生产环境不提供模拟运行');
      if (!scenarioNames().includes(input.scenario))
        throw new AppError(404, 'NOT_FOUND', `没有名为 ${input.scenario} 的场景`);
      if (running) throw new AppError(409, 'SIMULATION_RUNNING', '已有模拟在运行，请等待其结束');
      const id = newId('sim');
      // The bank remembers identities (one resident ID per customer): a scenario's own seed makes the
      // same people again, so a repeat run on this bank gets a fresh seed — recorded, so it can be re-run.
      const before = await opts.db
        .selectFrom('simulation_runs')
        .select('id')
        .where('scenario', '=', input.scenario)
        .executeTakeFirst();
      const seed = input.seed ?? (before ? randomInt(1, 2_147_483_647) : undefined);
      await opts.db
        .insertInto('simulation_runs')
        .values({
          id,
          scenario: input.scenario,
          scale: input.scale,
          seed: seed ?? null,
          status: 'running',
          started_by: actor,
          started_at: opts.clock.now(),
        })
        .execute();
      const abort = new AbortController();
      const pace = input.pace ?? 'realtime';
      const done = execute(id, join(dir, `${input.scenario}.yaml`), { ...input, seed, pace }, abort.signal).finally(
        () => {
          running = null;
        },
      );
      running = { id, done, abort };
      return this.get(id);
    },

    async stop(id) {
      const current = running;
      if (!current || current.id !== id) {
        await this.get(id); // 404 for an unknown run
        throw new AppError(409, 'SIMULATION_NOT_RUNNING', '该模拟已结束，无需停止');
      }
      current.abort.abort();
      await current.done;
      return this.get(id);
    },

    async list() {
      return (await select().orderBy('started_at', 'desc').limit(50).execute()).map(view);
    },

    async get(id) {
      const r = await select().where('id', '=', id).executeTakeFirst();
      if (!r) throw notFound('模拟运行');
      return view(r);
    },

    async report(id) {
      const r = await opts.db
        .selectFrom('simulation_runs')
        .select('report_html')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!r) throw notFound('模拟运行');
      if (!r.report_html) throw new AppError(409, 'REPORT_NOT_READY', '报告尚未生成（运行中或运行失败）');
      return r.report_html;
    },

    async idle() {
      await running?.done;
    },

    async close() {
      running?.abort.abort();
      await running?.done;
    },
  };
}
