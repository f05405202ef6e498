/**
 * Packs @lingjie/risk-sdk exactly as it is published:
 *   1. builds dist/ (tsup, see tsup.config.ts) unless --no-build;
 *   2. stages the package's `files` with a manifest that drops the in-repo `@lingjie/source` export
 *      condition (it points at src/, which is not shipped), `scripts` and `devDependencies`;
 *   3. runs `npm pack` in the staging directory.
 *   npx tsx sdk/scripts/pack.ts [--out DIR] [--no-build]     (npm run tarball -w sdk)
 * Prints the tarball's path, its size and the size of each subpath's built entry.
 * The `package` jest project installs this tarball into fresh projects (test/package).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureEntries, type EntrySize } from './entry-sizes';

export const SDK_DIR = resolve(__dirname, '..');
export const SOURCE_CONDITION = '@lingjie/source';

type Manifest = Record<string, unknown> & { files: string[]; exports: Record<string, unknown> };

/** Removes every `@lingjie/source` condition, recursively (conditions may nest). */
function withoutSourceCondition(exportsField: unknown): unknown {
  if (typeof exportsField !== 'object' || exportsField === null) return exportsField;
  return Object.fromEntries(
    Object.entries(exportsField)
      .filter(([k]) => k !== SOURCE_CONDITION)
      .map(([k, v]) => [k, withoutSourceCondition(v)]),
  );
}

/** The manifest strangers get: no source condition, nothing that only this repository uses. */
export function publishedManifest(manifest: Manifest): Manifest {
  const { scripts: _scripts, devDependencies: _dev, ...rest } = manifest;
  return { ...rest, exports: withoutSourceCondition(manifest.exports) as Manifest['exports'] };
}

/** Runs a command quietly; its output is shown only when it fails. */
function exec(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

export interface PackResult {
  tarball: string;
  /** Bytes of the .tgz. */
  size: number;
  unpackedSize: number;
  files: string[];
  entries: EntrySize[];
}

export function packSdk(options: { outDir: string; build?: boolean }): PackResult {
  if (options.build !== false) exec('npm', ['run', 'build', '--silent'], SDK_DIR);
  const manifest = JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8')) as Manifest;
  const stage = mkdtempSync(join(tmpdir(), 'lingjie-risk-sdk-stage-'));
  try {
    for (const f of manifest.files) {
      if (!existsSync(join(SDK_DIR, f))) throw new Error(`sdk/${f} is listed in "files" but missing`);
      cpSync(join(SDK_DIR, f), join(stage, f), { recursive: true });
    }
    writeFileSync(join(stage, 'package.json'), JSON.stringify(publishedManifest(manifest), null, 2) + '\n');
    mkdirSync(options.outDir, { recursive: true });
    const out = exec('npm', ['pack', '--json', '--pack-destination', resolve(options.outDir)], stage);
    const [info] = JSON.parse(out) as Array<{
      filename: string;
      size: number;
      unpackedSize: number;
      files: Array<{ path: string }>;
    }>;
    return {
      tarball: join(resolve(options.outDir), info.filename),
      size: info.size,
      unpackedSize: info.unpackedSize,
      files: info.files.map((f) => f.path).sort(),
      entries: measureEntries(join(stage, 'dist'), manifest.exports),
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function main(argv: string[]): void {
  const i = argv.indexOf('--out');
  const r = packSdk({
    outDir: i >= 0 ? argv[i + 1] : join(SDK_DIR, '..', 'artifacts'),
    build: !argv.includes('--no-build'),
  });
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${r.tarball}\n  packed ${kb(r.size)}, unpacked ${kb(r.unpackedSize)}, ${r.files.length} files`);
  console.log('  subpath      format  entry     with chunks  gzip');
  for (const e of r.entries)
    console.log(
      `  ${e.subpath.padEnd(12)} ${e.format.padEnd(6)}  ${kb(e.entryBytes).padStart(8)}  ${kb(e.totalBytes).padStart(11)}  ${kb(e.totalGzipBytes).padStart(8)}`,
    );
}

if (require.main === module) main(process.argv.slice(2));
