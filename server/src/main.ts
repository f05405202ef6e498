import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { createDb } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createLogger } from './logger';
import { loadRiskKeys } from './risk/keys';
import { DEMO, seedDemo } from './seed';

/**
 * Starts the sandbox bank: PostgreSQL when DATABASE_URL is set, otherwise PGlite in .data/pglite;
 * migrations; demo data; the API under /api, OpenAPI at /openapi.json and /docs, and the built H5
 * app (dist/h5) at / when present.
 */
async function main() {
  const root = resolve(__dirname, '../..');
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const logger = createLogger();
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.PGLITE_DIR ?? join(root, '.data', 'pglite');
  const db = await createDb(databaseUrl ? { databaseUrl } : { dataDir });
  await migrateToLatest(db);
  const riskKeys = loadRiskKeys(join(root, '.data', 'risk-keys.json'));
  if (process.env.SEED !== '0' && (await seedDemo(db, riskKeys))) logger.info('seeded the demo customer');
  const h5 = join(root, 'dist', 'h5');
  const staticRoot = existsSync(join(h5, 'index.html')) ? h5 : undefined;
  const app = await buildApp({ db, riskKeys, logger, staticRoot });
  await app.listen({ port, host });

  const url = `http://${host}:${port}`;
  const key = (await app.inject({ url: '/api/risk/keys' })).json().keys[0];
  process.stdout.write(
    [
      '',
      `零接 Lingjie sandbox bank on ${databaseUrl ? 'PostgreSQL' : `PGlite (${dataDir})`}`,
      `  App:      ${staticRoot ? url + '/' : '(no dist/h5 build: run `npm run build:h5` first)'}`,
      `  API:      ${url}/api   docs: ${url}/docs   OpenAPI: ${url}/openapi.json`,
      `  Demo login: WeChat code "${DEMO.loginCode}" (H5 sandbox), phone ${DEMO.phone}; SMS codes at ${url}/api/dev/sms/${DEMO.phone}`,
      `  Risk SDK key: keyId ${key.keyId}, publicKey ${key.publicKey}`,
      '',
    ].join('\n'),
  );

  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
