import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default; with TEST_DATABASE_URL
 * set, a new schema on that PostgreSQL server (dropped again by `dropTestDb`).
 */
export async function createTestDb(): Promise<Db & { testSchema?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const db = await createDb({ databaseUrl: url, schema, poolSize: 8 });
  await migrateToLatest(db, schema);
  return Object.assign(db, { testSchema: schema });
}

export async function dropTestDb(db: Db & { testSchema?: string }): Promise<void> {
  if (db.testSchema) {
    const { sql } = await import('kysely');
    await sql.raw(`drop schema if exists "${db.testSchema}" cascade`).execute(db);
  }
  await db.destroy();
}

/**
 * Another connection pool on the same database (PostgreSQL: the same schema), standing in for a
 * second server process. PGlite is single-process, so there it is the same instance.
 */
export async function secondConnection(db: Db & { testSchema?: string }): Promise<{ db: Db; close(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { db, close: async () => undefined };
  const other = await createDb({ databaseUrl: url, schema: db.testSchema, poolSize: 4 });
  return { db: other, close: () => other.destroy() };
}
