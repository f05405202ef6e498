import { createLogger } from './logger';
import { startSandbox } from './sandbox';
import { DEMO } from './seed';
import { describeLogin } from './staff/staff-accounts';

/**
 * `npm start`: the sandbox bank with the H5 app. PostgreSQL when DATABASE_URL is set, otherwise
 * PGlite in .data/pglite (PGLITE_DIR to move it); PORT / HOST (default 8080 / 127.0.0.1);
 * SEED=0 skips the demo data.
 */
async function main() {
  const logger = createLogger();
  const sandbox = await startSandbox({
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.PGLITE_DIR,
    seed: process.env.SEED !== '0',
    logger,
  });
  if (sandbox.seeded) logger.info('seeded the demo customer');
  const { url, app } = sandbox;
  const key = (await app.inject({ url: '/api/risk/keys' })).json().keys[0];
  const hasApp = (await app.inject({ url: '/' })).statusCode === 200;
  process.stdout.write(
    [
      '',
      `零接 Lingjie sandbox bank on ${sandbox.databaseLabel}`,
      `  App:      ${hasApp ? url + '/' : '(no dist/h5 build: run `npm run build:h5` first)'}`,
      `  API:      ${url}/api   docs: ${url}/docs   OpenAPI: ${url}/openapi.json`,
      `  Demo login: WeChat code "${DEMO.loginCode}" (H5 sandbox), phone ${DEMO.phone}; SMS codes at ${url}/api/dev/sms/${DEMO.phone}`,
      `  Risk SDK key: keyId ${key.keyId}, publicKey ${key.publicKey}`,
      `  Staff API: ${url}/api/staff/risk/channels with header X-Staff-Key: ${sandbox.staffKeys[0] ?? '(none)'}` +
        (process.env.STAFF_API_KEY ? ' (from STAFF_API_KEY)' : ' (sandbox key in .data/staff-key)'),
      `  Console:  ${sandbox.hasConsole ? url + '/console/' : '(no dist/console build: run `npm run build -w console` first)'}`,
      ...sandbox.staffLogins.flatMap((l) => {
        const d = describeLogin(l);
        return [
          `    ${l.role === 'analyst' ? '分析员' : '主管'} ${l.username} / ${l.password}  TOTP secret ${l.totpSecret}` +
            `  (current code: ${url}/api/dev/staff-totp/${l.username})`,
          `      ${d.otpauthUrl}`,
        ];
      }),
      '  The sandbox simulates WeChat login, SMS, face verification and credit bureaus; money and risk checks are real.',
      '',
    ].join('\n'),
  );

  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
