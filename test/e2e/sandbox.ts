import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../server/src/sandbox';

const DIST = path.resolve(__dirname, '../../dist/h5');

/**
 * The real sandbox bank (in-memory PGlite, demo data seeded through the real API) serving the
 * production H5 build, on a free loopback port: what a user gets from `npm start`.
 */
export async function startE2eSandbox(): Promise<Sandbox> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first');
  return startSandbox({ port: 0, dataDir: null, logger: false });
}
