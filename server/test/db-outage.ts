import { createServer, connect, type Server, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { ManualClock } from '../src/clock';
import { createDb } from '../src/db/connect';
import { signIn, TEST_IDENTITY_KEY } from './helpers';
import { riskKeys } from './risk-device';

/**
 * A TCP relay in front of PostgreSQL that a test can unplug and plug back: unplugged, it drops
 * every relayed connection and refuses new ones (what clients see when the server goes away), on
 * the same port, so the app's connection string stays valid. Other test files on the same server
 * are not disturbed, unlike a restart.
 */
export async function pgPlug(
  target: URL,
): Promise<{ url: string; unplug(): Promise<void>; plugIn(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const [a, b] of [
          [client, upstream],
          [upstream, client],
        ] as const) {
          sockets.add(a);
          a.on('error', () => b.destroy());
          a.on('close', () => {
            sockets.delete(a);
            b.destroy();
          });
          a.pipe(b);
        }
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        port = typeof address === 'object' && address ? address.port : port;
        server = s;
        resolve();
      });
    });
  const unplug = async () => {
    const s = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.href, unplug, plugIn: listen, close: unplug };
}

/** Ends every backend of one application_name on the server, as an administrator or a failover would. */
export async function terminateBackends(databaseUrl: string, applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl, application_name: 'lingjie-test-admin' });
  await admin.connect();
  try {
    const r = await admin.query(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
      [applicationName],
    );
    return r.rows.filter((row: { ended: boolean }) => row.ended).length;
  } finally {
    await admin.end();
  }
}

export interface ConsentLoad {
  /** Ids of consents the bank answered 200 for: acknowledged, so they must survive anything. */
  acked: string[];
  /** Status code → count, over every request sent. */
  statuses: Map<number, number>;
  /** Bodies of every non-200 answer. */
  failures: Array<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/**
 * Each signed-in user grants consent to a new version, over and over, until stopped: every 200 is
 * a committed row with its id (a new version adds a row and keeps the old ones in the history).
 */
export function consentLoad(app: FastifyInstance, auths: Array<Record<string, string>>): ConsentLoad {
  let running = true;
  let version = 0;
  const load: ConsentLoad = {
    acked: [],
    statuses: new Map(),
    failures: [],
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
  const workers = auths.map(async (headers) => {
    while (running) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/consents',
        headers,
        payload: { purpose: 'personal_info', version: `2026.${++version}` },
      });
      load.statuses.set(res.statusCode, (load.statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 200) load.acked.push(res.json().id);
      else {
        load.failures.push({ status: res.statusCode, body: res.json() });
        // A client backs off a little on 503 (Retry-After); no need to spin while the database is away.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
  return load;
}

/** Resolves once `done()` holds, polling; rejects after `limitMs` (a generous bound, not a timing assertion). */
export async function until(done: () => boolean | Promise<boolean>, limitMs = 30_000, everyMs = 25): Promise<void> {
  const give = Date.now() + limitMs;
  while (!(await done())) {
    if (Date.now() > give) throw new Error(`condition not reached within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** How many of `ids` are in the consents table of `schema` (read over a fresh, separate connection). */
export async function consentsPresent(databaseUrl: string, schema: string, ids: string[]): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query(`select count(*)::int as n from "${schema}".consents where id = any($1)`, [ids]);
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}

/**
 * A bank on its own pool (PostgreSQL `url`, the test's `schema`, named `applicationName` in
 * pg_stat_activity) with six signed-in users, ready to carry a consent load.
 */
export async function bankWithUsers(url: string, schema: string, applicationName: string) {
  const db = await createDb({
    databaseUrl: url,
    schema,
    poolSize: 6,
    applicationName,
    onConnectionError: () => undefined,
  });
  const app = await buildApp({
    db,
    clock: new ManualClock('2026-03-01T02:00:00Z'),
    riskKeys,
    identityKey: TEST_IDENTITY_KEY,
    logger: false,
    ruleSetSyncMs: 0,
    rateLimits: { login: 1e6, sms: 1e6, applications: 1e6 },
  });
  const close = async () => {
    await app.close();
    await db.destroy();
  };
  try {
    await app.ready();
    const auths = [];
    for (let i = 0; i < 6; i++) auths.push((await signIn(app, `${applicationName}-${i}`)).auth);
    return { app, auths, close };
  } catch (err) {
    await close();
    throw err;
  }
}
