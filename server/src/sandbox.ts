import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app';
import { createDb, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { loadRiskKeys } from './risk/keys';
import { seedDemo } from './seed';

export const REPO_ROOT = resolve(__dirname, '../..');

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
}

export interface Sandbox {
  app: FastifyInstance;
  db: Db;
  url: string;
  databaseLabel: string;
  seeded: boolean;
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
    await migrateToLatest(db);
    // The same key file the app build baked the public key from (scripts/sandbox-risk-key.ts).
    const riskKeys = loadRiskKeys(join(REPO_ROOT, '.data', 'risk-keys.json'));
    const seeded = opts.seed !== false && (await seedDemo(db, riskKeys));
    const h5 = join(REPO_ROOT, 'dist', 'h5');
    const staticRoot = existsSync(join(h5, 'index.html')) ? h5 : undefined;
    const app = await buildApp({ db, riskKeys, logger: opts.logger, staticRoot });
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
