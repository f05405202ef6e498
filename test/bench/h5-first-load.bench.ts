/**
 * H5 first load: from navigation start to the home screen being visible, in headless Chromium
 * with phone emulation and a fresh browser context each run (cold cache), served by the sandbox
 * bank on loopback.
 * Budget (engineering.md): ≤ 1 s. Needs a production build in dist/h5 (npm run build:h5).
 */
import fs from 'node:fs';
import { startE2eSandbox } from '../e2e/sandbox';
import { launchBrowser } from '../e2e/browser';
import { devices } from 'playwright-core';

const RUNS = 15;
const BUDGET_MS = 1000;

async function main() {
  const server = await startE2eSandbox();
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ ...devices['iPhone 12'], locale: 'zh-CN' });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.url}/`);
      await page.locator('[data-testid="page-home"] [data-testid="annual-rate"]').waitFor({ state: 'visible' });
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.floor(times.length * 0.9)];
  const result = {
    runs: RUNS,
    medianMs: +median.toFixed(1),
    p90Ms: +p90.toFixed(1),
    maxMs: +times[times.length - 1].toFixed(1),
    budgetMs: BUDGET_MS,
  };
  console.log('H5 first load to home screen (headless Chromium, iPhone 12 emulation, cold context, localhost)');
  console.table(result);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/h5-first-load.json', JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
