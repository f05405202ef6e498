/**
 * A plain web page built with Vite from the packed SDK's `./web` entry (fixtures/web-page), served
 * by the plain Node bank backend (fixtures/bank-esm, also from the tarball), opened in Chromium:
 * consent, typing, sealing in the browser; verification and an engine decision in the backend.
 */
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage } from '../e2e/browser';
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
const timer = createTimer('web-page');
const projects: FreshProject[] = [];
let bank: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  bank?.kill();
  for (const p of projects) p.remove();
  timer.write();
});

it('seals in Chromium with the Vite-built page; the Node backend verifies the token and refuses its replay', async () => {
  const backend = freshProject('bank-esm');
  const web = freshProject('web-page');
  projects.push(backend, web);
  await timer.time('npm install <tarball> (backend, page + vite)', () => {
    npmInstall(backend.dir, [packed().tarball]);
    npmInstall(web.dir, [packed().tarball]);
  });
  const key = keygen(backend.dir, 'bank-web-2026');
  await timer.time('vite build', () =>
    run(web.dir, 'npm', ['run', 'build'], { VITE_RISK_PUBLIC_KEY: key.publicKey, VITE_RISK_KEY_ID: key.keyId }),
  );
  const started = await startProcess(backend.dir, 'node', ['bank.mjs'], {
    RISK_KEY_ID: key.keyId,
    RISK_PRIVATE_KEY: key.privateKey,
    RISK_IDENTITY_KEY: 'bank-identity-key-0001',
    STATIC_DIR: path.join(web.dir, 'dist'),
  });
  bank = started.child;
  const origin = `http://127.0.0.1:${started.ready.port}`;

  const result = await timer.time('browser: consent, type, seal, verify', async () => {
    browser = await launchBrowser();
    const page = await phonePage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const sent = page.waitForRequest((r) => r.url().endsWith('/loan/apply'));
    await page.goto(`${origin}/`);
    await page.click('#consent');
    const amount = page.locator('#amount');
    await amount.waitFor({ state: 'visible' }); // the form opens once consent is recorded
    await amount.pressSequentially('50000', { delay: 60 });
    await page.click('#submit');
    await page.locator('#result').filter({ hasText: 'status' }).waitFor();
    const request = await sent;
    return {
      answer: JSON.parse(await page.locator('#result').innerText()),
      token: request.headers()['x-risk-token'],
      body: request.postData(),
      errors,
    };
  });
  expect(result.errors).toEqual([]);
  expect(result.answer).toMatchObject({ status: 200, verified: true, platform: 'web' });
  expect(['approve', 'review', 'reject']).toContain(result.answer.outcome);
  expect(JSON.parse(result.body!)).toEqual({ amountFen: 5_000_000, termMonths: 12, purpose: '进货' });

  // The browser's token, captured on the wire and sent again: refused as a replay.
  const replay = await fetch(`${origin}/loan/apply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-risk-token': result.token },
    body: result.body,
  });
  expect(replay.status).toBe(403);
  await expect(replay.json()).resolves.toEqual({ code: 'REPLAY_NONCE' });
});
