import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { PGlite as PGliteClass } from '@electric-sql/pglite';
import { nativeRequire } from '../native-require';
import type { Database } from './types';
import { prepareMarkedStatements } from './prepared';
import { guardPool, stderrConnectionLog, type ConnectionErrorListener } from './resilience';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** postgres://… → PostgreSQL; otherwise the embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; omitted → in memory. */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate each suite in its own schema). */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL `application_name` (pg_stat_activity); default `lingjie`, or `lingjie-<schema>` with a schema. */
  applicationName?: string;
  /** Told of every lost PostgreSQL connection (the pool reconnects by itself); default one stderr line per burst. */
  onConnectionError?: ConnectionErrorListener;
}

const INT8 = 20;
// int8 amounts stay below 2^53 fen (90 trillion yuan), so a JS number is exact and both drivers agree.
const parseInt8 = (v: string) => Number(v);

/** How to open a connection of one's own to a PostgreSQL Db (LISTEN needs one that stays put). */
const ownConnectionsOf = new WeakMap<Db, { open(purpose: string): pg.Client; schema: string }>();

/**
 * Connections outside the pool to the same database and schema as `db`, e.g. for LISTEN (which
 * needs a connection that stays put); null on PGlite (one process: nothing to listen to). The
 * caller connects, guards and ends each client it opens.
 */
export function ownConnections(db: Db): { schema: string; open(purpose: string): pg.Client } | null {
  return ownConnectionsOf.get(db) ?? null;
}

export async function createDb(opts: DbOptions = {}): Promise<Db> {
  if (opts.databaseUrl) {
    const applicationName = opts.applicationName ?? (opts.schema ? `lingjie-${opts.schema}` : 'lingjie');
    const searchPath = opts.schema ? `-c search_path=${opts.schema}` : undefined;
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: searchPath,
      application_name: applicationName,
      // While the server is unreachable a checkout fails within this bound (→ 503) instead of
      // queueing requests forever behind connects that never finish.
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8 ? parseInt8 : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    guardPool(pool, opts.onConnectionError ?? stderrConnectionLog());
    prepareMarkedStatements(pool);
    if (opts.schema) {
      const c = await pool.connect();
      try {
        await c.query(`create schema if not exists "${opts.schema.replace(/"/g, '')}"`);
      } finally {
        c.release();
      }
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    ownConnectionsOf.set(db, {
      schema: opts.schema ?? 'public',
      open: (purpose) =>
        new pg.Client({
          connectionString: opts.databaseUrl,
          options: searchPath,
          application_name: `${applicationName}-${purpose}`.slice(0, 63),
          connectionTimeoutMillis: 5_000,
        }),
    });
    return db;
  }
  const { PGlite } = nativeRequire<{ PGlite: typeof PGliteClass }>('@electric-sql/pglite');
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = new PGlite(opts.dataDir, { parsers: { [INT8]: parseInt8 } });
  await client.waitReady;
  // PGlite runs outside Jest's sandbox (see nativeRequire), where a sandbox Date fails its
  // `instanceof Date` check; sending instants as ISO strings works in every realm.
  const facade = {
    query: (text: string, params: unknown[] = []) =>
      client.query(
        text,
        params.map((p) => (p && typeof (p as Date).toISOString === 'function' ? (p as Date).toISOString() : p)),
      ),
    close: () => client.close(),
  } as unknown as PGliteClass;
  return new Kysely<Database>({ dialect: new PGliteDialect(facade) });
}
