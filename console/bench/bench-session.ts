import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../server/src/sandbox';
import { currentTotp } from '../../server/src/staff/staff-accounts';

const CONSOLE = path.resolve(__dirname, '../../dist/console/index.html');

/** The sandbox bank serving the built console, in memory, with its seeded staff. */
export async function startConsoleSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  if (!fs.existsSync(CONSOLE)) throw new Error('dist/console is missing: run npm run build:console first');
  return startSandbox({ port: 0, dataDir: null, logger: false, ...opts });
}

/** A supervisor session token, signed in through the real route (password + TOTP). */
export async function supervisorSession(sandbox: Sandbox) {
  const l = sandbox.staffLogins.find((s) => s.role === 'supervisor');
  if (!l) throw new Error('no seeded supervisor');
  const res = await sandbox.app.inject({
    method: 'POST',
    url: '/api/staff-login',
    payload: { username: l.username, password: l.password, totp: currentTotp(l.totpSecret, Date.now()) },
  });
  if (res.statusCode !== 200) throw new Error(`staff login: ${res.statusCode} ${res.body}`);
  const { token, expiresAt, staff } = res.json();
  return JSON.stringify({ token, expiresAt, staff });
}

/** A cold desktop page (new context) that starts already signed in (the session in sessionStorage). */
export async function signedInPage(browser: Browser, session: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript((s) => sessionStorage.setItem('lj.console.session', s), session);
  return context.newPage();
}

export function stats(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => +v[Math.min(v.length - 1, Math.floor(v.length * q))].toFixed(1);
  return { n: v.length, medianMs: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: +v[v.length - 1].toFixed(1) };
}

export function writeResult(name: string, result: object) {
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(`bench-results/${name}.json`, JSON.stringify(result, null, 2));
}
