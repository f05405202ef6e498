/**
 * The SQL databases a bench measures on: PGlite on disk (a temp dir, removed afterwards), then
 * PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throwaway schema, dropped
 * afterwards). Each is migrated before `run` and closed after it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb, type Db } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';

export type SqlKind = 'PGlite (on disk)' | 'PostgreSQL';

export async function onEachSqlDatabase(run: (db: Db, kind: SqlKind) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lj-bench-'));
  try {
    await onDatabase(await createDb({ dataDir: join(dir, 'pglite') }), undefined, (db) => run(db, 'PGlite (on disk)'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!databaseUrl) return;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const db = await createDb({ databaseUrl, schema, poolSize: 10 });
  await onDatabase(db, schema, (db) => run(db, 'PostgreSQL'));
}

async function onDatabase(db: Db, schema: string | undefined, run: (db: Db) => Promise<void>): Promise<void> {
  await migrateToLatest(db, schema);
  try {
    await run(db);
  } finally {
    if (schema) await sql.raw(`drop schema "${schema}" cascade`).execute(db);
    await db.destroy();
  }
}
