import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where a run's CPU went, from Linux's /proc: the whole machine's busy time, this process's main
 * thread's (the bank's event loop — not its load-generator worker threads) and PostgreSQL's (every
 * process named `postgres`: backends, WAL writer, checkpointer, autovacuum). The ingest bench
 * divides them by the requests answered, so a ratio below target can be read as "the bank's
 * thread", "the database" or "everything else on these cores" (the load generator, the kernel).
 * CPU time, not the event loop's active time: on oversubscribed cores a thread is also "active"
 * while it waits for a core.
 * PostgreSQL's share is counted only when it runs on this machine; elsewhere (or off Linux) the
 * meter answers null for it.
 */
export interface CpuSpent {
  /** Busy CPU time of all cores together (user, nice, system, irq, softirq), ms. */
  machineMs: number;
  /** CPU time of this process's main thread (user + system), ms. */
  mainThreadMs: number;
  /** CPU time of local `postgres` processes that lived through the run, ms; null if none found. */
  postgresMs: number | null;
}

/** Starts measuring; `stop()` answers what was spent since, or null where /proc is not readable. */
export function cpuMeter(): { stop(): CpuSpent | null } {
  const machine0 = machineBusyTicks();
  const main0 = mainThreadTicks();
  const pg0 = postgresTicks();
  return {
    stop() {
      const machine1 = machineBusyTicks();
      const main1 = mainThreadTicks();
      const pg1 = postgresTicks();
      if (machine0 === null || machine1 === null || main0 === null || main1 === null) return null;
      // Only processes present at both ends: a backend that exits mid-run takes its time with it.
      let pg: number | null = null;
      for (const [pid, t] of pg1 ?? []) {
        const before = pg0?.get(pid);
        if (before !== undefined) pg = (pg ?? 0) + t - before;
      }
      return {
        machineMs: ticksToMs(machine1 - machine0),
        mainThreadMs: ticksToMs(main1 - main0),
        postgresMs: pg === null ? null : ticksToMs(pg),
      };
    },
  };
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 a second on every mainstream build). */
const TICKS_PER_SECOND = 100;
const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

/** The first line of /proc/stat: `cpu user nice system idle iowait irq softirq steal …`. */
function machineBusyTicks(): number | null {
  try {
    // Not `steal` (time the hypervisor gave other guests): no work of this machine's was done in it.
    const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]
      .trim()
      .split(/\s+/)
      .map(Number);
    return user + nice + system + irq + softirq;
  } catch {
    return null;
  }
}

/** utime + stime from a /proc `stat` line (`pid (comm) state …`; comm may hold spaces). */
function statTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the whole line (utime, stime) are 0-based 11 and 12 after `pid (comm)`.
  return Number(fields[11]) + Number(fields[12]);
}

/** This process's main thread: its task id is the process id. */
function mainThreadTicks(): number | null {
  try {
    return statTicks(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** utime + stime of every process whose name is `postgres`, by pid. */
function postgresTicks(): Map<string, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const out = new Map<string, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
    out.set(pid, statTicks(stat));
  }
  return out;
}
