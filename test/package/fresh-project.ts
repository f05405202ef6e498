/**
 * Fresh projects built from the packed SDK, the way a stranger builds them: a temporary copy of a
 * fixture, `npm install <tarball>`, their own tools — nothing from this repository on any path,
 * no path aliases, no in-repo export condition. The tarball is made once per run by global-setup.ts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PackResult } from '../../sdk/scripts/pack';

export const REPO = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const PACK_DIR = path.join(REPO, 'artifacts', 'sdk-package');
export const PACK_INFO = path.join(PACK_DIR, 'pack.json');

export function packed(): PackResult {
  if (!existsSync(PACK_INFO))
    throw new Error(`${PACK_INFO} is missing: run these tests with jest --selectProjects package`);
  return JSON.parse(readFileSync(PACK_INFO, 'utf8')) as PackResult;
}

/**
 * A developer's shell outside this repository: without what `npm run` and jest add (npm_* config,
 * NODE_OPTIONS with our source condition, NODE_ENV=test, our node_modules/.bin on PATH).
 */
export function strangerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|JEST_)/i.test(k) || ['NODE_OPTIONS', 'NODE_ENV', 'INIT_CWD', 'NODE_PATH'].includes(k)) continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => !p.includes('node_modules'))
    .join(path.delimiter);
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

/** Runs a command in a fresh project; throws with its output when it fails. */
export function run(cwd: string, cmd: string, args: string[], env: Record<string, string> = {}): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env: strangerEnv(env),
      encoding: 'utf8',
      stdio: 'pipe',
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

/** `npm install …` as a stranger runs it (the npm cache serves what it already has). */
export function npmInstall(cwd: string, args: string[]): void {
  run(cwd, 'npm', ['install', ...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
}

export interface FreshProject {
  dir: string;
  remove(): void;
}

/** A temporary copy of fixtures/<name>, outside the repository. */
export function freshProject(name: string): FreshProject {
  const dir = mkdtempSync(path.join(tmpdir(), `lingjie-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server key pair from the installed package's CLI, as sdk/README.md step 2 makes it. */
export function keygen(cwd: string, kid: string): { keyId: string; privateKey: string; publicKey: string } {
  return JSON.parse(run(cwd, 'npx', ['--no-install', 'lingjie-risk-keygen', '--kid', kid]));
}

/** Starts a long-running process that prints one JSON line when ready (e.g. `{"port": …}`). */
export function startProcess(
  cwd: string,
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; ready: Record<string, unknown>; output: () => string }> {
  const child = spawn(cmd, args, { cwd, env: strangerEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        child.stdout!.off('data', onData);
        resolve({ child, ready: JSON.parse(line), output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out}`)));
  });
}

/** Phase durations of one test file, written to artifacts/sdk-package/timings-<name>.json. */
export function createTimer(name: string) {
  const phases: Record<string, number> = {};
  return {
    async time<T>(phase: string, fn: () => T | Promise<T>): Promise<T> {
      const t0 = Date.now();
      try {
        return await fn();
      } finally {
        phases[phase] = Date.now() - t0;
      }
    },
    write(): void {
      mkdirSync(PACK_DIR, { recursive: true });
      writeFileSync(path.join(PACK_DIR, `timings-${name}.json`), JSON.stringify(phases, null, 2) + '\n');
    },
  };
}

/**
 * Links named packages from this repository's node_modules into a fresh project instead of
 * installing them from the registry. Used ONLY for the Taro toolchain (about 1,000 packages that
 * would cost minutes per run), never for the SDK: see taro-app.test.ts. Returns the linked versions.
 */
export function linkToolchainFromRepo(dir: string, names: string[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of names) {
    const target = path.join(REPO, 'node_modules', name);
    if (name.startsWith('@lingjie/')) throw new Error(`never link ${name}: it must come from the tarball`);
    const link = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
    versions[name] = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8')).version;
  }
  return versions;
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
