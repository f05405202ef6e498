import { join } from 'node:path';
import { createDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { REPO_ROOT } from '../sandbox';
import { loadPiiVault } from './config';
import { rewrapPii } from './rewrap';

/**
 * `npx tsx server/src/pii/rewrap-main.ts`: re-encrypts personal data under the write key (and
 * recomputes blind indexes) on the database the bank uses — DATABASE_URL, else PGlite in
 * PGLITE_DIR / .data/pglite — with the keys the bank uses (PII_KEYS, PII_WRITE_KEY_ID,
 * PII_INDEX_KEY, else the sandbox's in .data/). Prints the counts per table.
 */
async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  const db = await createDb(
    databaseUrl ? { databaseUrl } : { dataDir: process.env.PGLITE_DIR ?? join(REPO_ROOT, '.data', 'pglite') },
  );
  try {
    const pii = loadPiiVault(join(REPO_ROOT, '.data'));
    await migrateToLatest(db, 'public', pii);
    const result = await rewrapPii(db, pii);
    process.stdout.write(`${JSON.stringify({ writeKeyId: pii.writeKeyId, ...result })}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`pii rewrap failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
