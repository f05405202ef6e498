/**
 * Console first load: from navigation start to an interactive decisions page — the shell rendered,
 * the recent decisions listed and the live stream connected — in headless Chromium at a desktop
 * viewport, a cold browser context each run (no cache), served by the sandbox bank on loopback.
 * The session is put in sessionStorage first, so this measures loading, not typing a password.
 * Needs dist/console (npm run build:console).
 */
import { launchBrowser } from '../../test/e2e/browser';
import { signedInPage, startConsoleSandbox, stats, supervisorSession, writeResult } from './bench-session';

const RUNS = 15;

async function main() {
  const sandbox = await startConsoleSandbox();
  const browser = await launchBrowser();
  const times: number[] = [];
  let bytes = 0;
  try {
    const session = await supervisorSession(sandbox);
    for (let i = 0; i < RUNS; i++) {
      const page = await signedInPage(browser, session);
      let transferred = 0;
      page.on('response', async (r) => {
        const len = Number(r.headers()['content-length'] ?? 0);
        transferred += Number.isFinite(len) ? len : 0;
      });
      const started = performance.now();
      await page.goto(`${sandbox.url}/console/decisions`);
      await page.locator('[data-testid="decision-row"]').first().waitFor({ state: 'visible' });
      await page.locator('[data-testid="stream-open"]').waitFor({ state: 'visible' });
      times.push(performance.now() - started);
      bytes = transferred;
      await page.context().close();
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
  const result = { ...stats(times), transferredKB: Math.round(bytes / 1024) };
  console.log(
    'Console first load to an interactive decisions page (headless Chromium, 1440×900, cold context, localhost)',
  );
  console.table(result);
  writeResult('console-first-load', result);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
