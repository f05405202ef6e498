import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where a run's CPU went, from Linux's /proc: the whole machine's busy time and PostgreSQL's
 * (every process named `postgres`: backends, WAL writer, checkpointer, autovacuum). The ingest
 * bench divides them by the requests answered, so a ratio below target can be read as "the bank's
 * thread", "the database" or "everything else on these cores" (the load generator, the kernel).
 * PostgreSQL's share is counted only when it runs on this machine; elsewhere (or off Linux) the
 * meter answers null for it.
 */
export interface CpuSpent {
  /** Busy CPU time of all cores together (user, nice, system, irq, softirq, steal), ms. */
  machineMs: number;
  /** CPU time of local `postgres` processes that lived through the run, ms; null if none found. */
  postgresMs: number | null;
}

/** Starts measuring; `stop()` answers what was spent since, or null where /proc is not readable. */
export function cpuMeter(): { stop(): CpuSpent | null } {
  const machine0 = machineBusyTicks();
  const pg0 = postgresTicks();
  return {
    stop() {
      const machine1 = machineBusyTicks();
      const pg1 = postgresTicks();
      if (machine0 === null || machine1 === null) return null;
      // Only processes present at both ends: a backend that exits mid-run takes its time with it.
      let pg: number | null = null;
      for (const [pid, t] of pg1 ?? []) {
        const before = pg0?.get(pid);
        if (before !== undefined) pg = (pg ?? 0) + t - before;
      }
      return { machineMs: ticksToMs(machine1 - machine0), postgresMs: pg === null ? null : ticksToMs(pg) };
    },
  };
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 a second on every mainstream build). */
const TICKS_PER_SECOND = 100;
const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

/** The first line of /proc/stat: `cpu user nice system idle iowait irq softirq steal …`. */
function machineBusyTicks(): number | null {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]
      .trim()
      .split(/\s+/)
      .map(Number);
    return user + nice + system + irq + softirq + (steal || 0);
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
    // `pid (comm) state …`: comm may hold spaces, so split after its closing parenthesis.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    // Fields 14 and 15 of the whole line (utime, stime) are 12 and 13 after `pid (comm)`, 0-based 11, 12.
    out.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return out;
}
