import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001_initial';
import * as m002 from './migrations/002_risk_engine';
import * as m003 from './migrations/003_risk_decisions';
import * as m004 from './migrations/004_staff_console';
import { piiAtRest } from './migrations/005_pii_at_rest';
import * as m006 from './migrations/006_risk_session_customer';
import * as m007 from './migrations/007_complaints';
import * as m008 from './migrations/008_telemetry_retention';
import * as m009 from './migrations/009_instalment_owed_interest';
import * as m010 from './migrations/010_instalment_carried_interest';
import type { PiiVault } from '../pii/vault';
import type { Db } from './connect';

// Migrations are listed here rather than read from disk, so they work the same under tsx, jest and
// a bundled build. Append new ones; never edit an applied one.
// 005 encrypts existing personal data, so it is made with the vault (pii/vault.ts) of the caller.
export const migrations = (pii: PiiVault | undefined): Record<string, Migration> => ({
  '001_initial': m001,
  '002_risk_engine': m002,
  '003_risk_decisions': m003,
  '004_staff_console': m004,
  '005_pii_at_rest': piiAtRest(pii),
  '006_risk_session_customer': m006,
  '007_complaints': m007,
  '008_telemetry_retention': m008,
  '009_instalment_owed_interest': m009,
  '010_instalment_carried_interest': m010,
});

/**
 * Applies pending migrations. `schema` pins Kysely's bookkeeping tables to the schema the app uses;
 * otherwise its introspection can see another schema's migration tables on a shared server. `pii`:
 * the personal-data keys, needed only when a migration has existing personal data to encrypt.
 */
export async function migrateToLatest(db: Db, schema = 'public', pii?: PiiVault): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(pii) };
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration failed: ${failed?.migrationName ?? ''} ${String(error ?? '')}`);
  }
}
