/**
 * A bank's plain Node backend built from the packed SDK, twice: ES modules (node:http, driven over
 * HTTP by the real client on a virtual device) and CommonJS (TypeScript compiled by tsc, replaying
 * the published test vectors and making a live decision in-process).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import {
  createTimer,
  freshProject,
  keygen,
  npmInstall,
  packed,
  run,
  startProcess,
  type FreshProject,
} from './fresh-project';

jest.setTimeout(180_000);
const timer = createTimer('node-backend');
const projects: FreshProject[] = [];
let bank: ChildProcess | undefined;

afterAll(() => {
  bank?.kill();
  for (const p of projects) p.remove();
  timer.write();
});

const OUTCOMES = ['approve', 'review', 'reject'];

it('ESM: handshakes, verifies tokens over HTTP and refuses replay and tampering; one engine decision', async () => {
  const project = freshProject('bank-esm');
  projects.push(project);
  await timer.time('esm: npm install <tarball>', () => npmInstall(project.dir, [packed().tarball]));
  const key = keygen(project.dir, 'bank-esm-2026');
  const started = await timer.time('esm: start bank.mjs', () =>
    startProcess(project.dir, 'node', ['bank.mjs'], {
      RISK_KEY_ID: key.keyId,
      RISK_PRIVATE_KEY: key.privateKey,
      RISK_IDENTITY_KEY: 'bank-identity-key-0001',
    }),
  );
  bank = started.child;
  const out = await timer.time('esm: phone.mjs round trip', () =>
    run(project.dir, 'node', ['phone.mjs', `http://127.0.0.1:${started.ready.port}`, key.publicKey, key.keyId]),
  );
  const r = JSON.parse(out);
  expect(r.accepted).toMatchObject({ status: 200, verified: true, platform: 'virtual' });
  expect(OUTCOMES).toContain(r.accepted.outcome);
  expect(r.accepted.decisionId).toMatch(/^[0-9a-f-]{36}$/);
  expect(r.replayed).toEqual({ status: 403, code: 'REPLAY_NONCE' });
  expect(r.tampered).toEqual({ status: 403, code: 'BIZ_MISMATCH' });
  // The consent snapshot event went out as telemetry, verified and acknowledged by the bank.
  expect(r.flushed).toMatchObject({ ok: true, remaining: 0 });
  // It really was the ES module build that ran.
  const resolved = run(project.dir, 'node', [
    '--input-type=module',
    '-e',
    "console.log(import.meta.resolve('@lingjie/risk-sdk/server'))",
  ]);
  expect(resolved.trim()).toMatch(/node_modules\/@lingjie\/risk-sdk\/dist\/server\.mjs$/);
});

it('CJS: TypeScript (node16, strict, library types checked) compiles against the package types and passes the vectors', async () => {
  const project = freshProject('bank-cjs');
  projects.push(project);
  // Installs its own devDependencies (typescript, @types/node) too.
  await timer.time('cjs: npm install <tarball>', () => npmInstall(project.dir, [packed().tarball]));
  const key = keygen(project.dir, 'bank-cjs-2026');
  writeFileSync(path.join(project.dir, 'risk-key.json'), JSON.stringify(key));
  await timer.time('cjs: tsc', () => run(project.dir, 'npm', ['run', 'build']));
  const compiled = readFileSync(path.join(project.dir, 'build', 'self-check.js'), 'utf8');
  expect(compiled).toContain('require("@lingjie/risk-sdk/server")');
  const report = JSON.parse(
    await timer.time('cjs: self-check', () => run(project.dir, 'npm', ['run', '--silent', 'check'])),
  );
  expect(report.handshake).toBe(true);
  expect(report.tokens).toEqual([true, true, true]);
  expect(report.invalid.length).toBeGreaterThan(20); // one per reason code, then binding and strict-parsing cases
  for (const c of report.invalid) expect(c.got).toBe(c.expected);
  expect(report.live).toMatchObject({ verified: true, known: true });
});
