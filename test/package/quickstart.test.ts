/**
 * Runs the Quickstart of sdk/README.md as written, in an empty directory outside the repository:
 * every block marked `<!-- quickstart: run -->` is run with bash, `file NAME` blocks are saved,
 * the `serve` block is started and awaited, and `expect="…"` must appear in a block's output.
 * Two substitutions only, both unavoidable: the package comes from the packed tarball (it is not on
 * the registry), and PORT is a free port (8080 may be taken on a shared machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, createTimer, packed, run, strangerEnv } from './fresh-project';

jest.setTimeout(120_000);
const timer = createTimer('quickstart');

interface Step {
  kind: 'run' | 'serve' | 'file';
  file?: string;
  expect?: string;
  code: string;
}

/** The marked code blocks of the README's Quickstart section, in order. */
export function quickstartSteps(readme: string): Step[] {
  const start = readme.indexOf('## Quickstart');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const block = /<!-- quickstart: (run|serve|file (\S+))(?: expect="([^"]*)")? -->\n```\w*\n([\s\S]*?)```/g;
  return [...section.matchAll(block)].map((m) => ({
    kind: m[1].startsWith('file') ? 'file' : (m[1] as 'run' | 'serve'),
    file: m[2],
    expect: m[3],
    code: m[4],
  }));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dir: string;
let served: ChildProcess | undefined;

afterAll(() => {
  if (served?.pid) process.kill(-served.pid);
  if (dir) rmSync(dir, { recursive: true, force: true });
  timer.write();
});

it('sdk/README.md Quickstart: install, key, backend, consent, seal, verify', async () => {
  const steps = quickstartSteps(readFileSync(path.join(REPO, 'sdk', 'README.md'), 'utf8'));
  expect(steps.map((s) => s.kind)).toEqual(['run', 'run', 'file', 'file', 'serve', 'run']);
  dir = mkdtempSync(path.join(tmpdir(), 'lingjie-quickstart-'));
  const env = { PORT: String(await freePort()) };
  const install = 'npm install @lingjie/risk-sdk';
  expect(steps.filter((s) => s.code.includes(install))).toHaveLength(1);

  await timer.time('whole quickstart', async () => {
    for (const step of steps) {
      if (step.kind === 'file') {
        writeFileSync(path.join(dir, step.file!), step.code);
      } else if (step.kind === 'run') {
        const script = step.code.replace(
          install,
          `npm install ${packed().tarball} --no-audit --no-fund --prefer-offline`,
        );
        const out = await timer.time(`run: ${step.code.trim().split('\n').pop()}`, () =>
          run(dir, 'bash', ['-euo', 'pipefail', '-c', script], env),
        );
        if (step.expect) expect(out).toContain(step.expect);
      } else {
        served = spawn('bash', ['-c', step.code], { cwd: dir, env: strangerEnv(env), detached: true });
        await new Promise<void>((resolve, reject) => {
          served!.stdout!.once('data', () => resolve());
          served!.once('exit', (code) => reject(new Error(`serve step exited with ${code}`)));
        });
      }
    }
  });
  // Step 2's key file is what steps 3 and 4 read.
  expect(JSON.parse(readFileSync(path.join(dir, 'risk-key.json'), 'utf8'))).toMatchObject({ keyId: 'bank-2026-11' });
});
