import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app';
import { createDb, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { RiskEngine, RuleSetFile } from '@lingjie/risk-sdk/engine';
import { loadIdentityKey } from './risk/identity-key';
import { loadPiiVault } from './pii/config';
import { loadRiskKeys } from './risk/keys';
import { seedDemo } from './seed';
import { loadStaffKeys } from './staff/staff-auth';
import { ensureStaffUsers, loadSandboxStaffLogins, type StaffLogin } from './staff/staff-accounts';
import { systemClock } from './clock';

export const REPO_ROOT = resolve(__dirname, '../..');
const PURGE_EVERY_MS = 3_600_000;

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** postgres://… → PostgreSQL; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite folder; `null` → in memory (tests). Default .data/pglite. */
  dataDir?: string | null;
  /** Seed the demo customer and loans when missing (default true). */
  seed?: boolean;
  logger?: BuildAppOptions['logger'];
  /** A risk engine to decide with instead of the default one (the SDK engine on the SQL store). */
  engine?: RiskEngine;
  /** Rule sets for the default engine (the browser tests cap automated outcomes; see test/e2e/sandbox.ts). */
  ruleSets?: readonly RuleSetFile[];
}

export interface Sandbox {
  app: FastifyInstance;
  db: Db;
  url: string;
  databaseLabel: string;
  seeded: boolean;
  /** The risk engine the app decides with (the simulator and QA tools read and steer it). */
  engine: RiskEngine;
  /** Keys the staff API accepts (`X-Staff-Key`): STAFF_API_KEY or the one in .data/staff-key. */
  staffKeys: string[];
  /** The console's sandbox staff (from .data/staff-logins.json), seeded with the demo data; [] with SEED=0. */
  staffLogins: StaffLogin[];
  /** The console is served at /console/ (dist/console was built). */
  hasConsole: boolean;
  close(): Promise<void>;
}

/**
 * The whole sandbox bank on one port: database + migrations, demo data, the API under /api, and
 * the built H5 app (dist/h5) at / when present. Used by `npm start` and the browser tests.
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = opts.dataDir === undefined ? join(REPO_ROOT, '.data', 'pglite') : opts.dataDir;
  const db = await createDb(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir: dataDir ?? undefined });
  try {
    // Personal data is sealed at rest: PII_KEYS / PII_INDEX_KEY, or keys generated once into .data/.
    const pii = loadPiiVault(join(REPO_ROOT, '.data'));
    await migrateToLatest(db, 'public', pii);
    // The same key file the app build baked the public key from (scripts/sandbox-risk-key.ts).
    const riskKeys = loadRiskKeys(join(REPO_ROOT, '.data', 'risk-keys.json'));
    // Generated once beside the protocol keys unless the environment sets them.
    const identityKey = loadIdentityKey(join(REPO_ROOT, '.data', 'risk-identity-key'));
    const staffKeys = loadStaffKeys(join(REPO_ROOT, '.data', 'staff-key'));
    const seeded = opts.seed !== false && (await seedDemo(db, riskKeys, new Date(), identityKey, pii));
    // The console's staff: one analyst and two supervisors (four eyes), generated once into .data/.
    const staffLogins =
      opts.seed !== false ? loadSandboxStaffLogins(join(REPO_ROOT, '.data', 'staff-logins.json')) : [];
    await ensureStaffUsers(db, systemClock, staffLogins);
    const h5 = join(REPO_ROOT, 'dist', 'h5');
    const staticRoot = existsSync(join(h5, 'index.html')) ? h5 : undefined;
    const consoleDist = join(REPO_ROOT, 'dist', 'console');
    const consoleRoot = existsSync(join(consoleDist, 'index.html')) ? consoleDist : undefined;
    const app = await buildApp({
      db,
      riskKeys,
      identityKey,
      pii,
      staffKeys,
      engine: opts.engine,
      ruleSets: opts.ruleSets,
      logger: opts.logger,
      staticRoot,
      consoleRoot,
    });
    // Bounded retention (app.purgeExpired): the engine's windows and decisions, expired risk
    // sessions and nonces, telemetry past its notice's retention. Each part deletes only what is past it.
    const purge = setInterval(() => {
      app.purgeExpired().then(
        ({ telemetryDeleted }) => app.log.info({ telemetryDeleted }, 'purged expired data'),
        (err: unknown) => app.log.warn({ err }, 'purge of expired data failed'),
      );
    }, PURGE_EVERY_MS);
    purge.unref();
    app.addHook('onClose', async () => clearInterval(purge));
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port ?? 8080, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    return {
      app,
      db,
      url: `http://${host}:${port}`,
      databaseLabel: opts.databaseUrl ? 'PostgreSQL' : dataDir ? `PGlite (${dataDir})` : 'PGlite (in memory)',
      seeded,
      engine: app.riskEngine,
      staffKeys,
      staffLogins,
      hasConsole: !!consoleRoot,
      async close() {
        await app.close();
        await db.destroy();
      },
    };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
