/**
 * Packs the SDK once for the `package` project: build dist/, stage, `npm pack` (sdk/scripts/pack.ts).
 * Every test in test/package installs this one tarball.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { packSdk } from '../../sdk/scripts/pack';
import { PACK_DIR, PACK_INFO } from './fresh-project';

export default function globalSetup(): void {
  const t0 = Date.now();
  rmSync(PACK_DIR, { recursive: true, force: true });
  mkdirSync(PACK_DIR, { recursive: true });
  const result = packSdk({ outDir: PACK_DIR });
  writeFileSync(PACK_INFO, JSON.stringify({ ...result, packMs: Date.now() - t0 }, null, 2) + '\n');
}
