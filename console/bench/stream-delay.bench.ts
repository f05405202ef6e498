/**
 * Live-stream delay: decisions made at 100 per second for 10 seconds by the bank's engine in
 * process; for each, the time from `decide` returning (the record exists) to its row appearing in
 * the console's decisions table (a MutationObserver in the page stamps each new row). Both clocks
 * are this machine's. The engine keeps its state in memory here so that 100 decisions a second are
 * reachable on PGlite; the feed, the SSE route, the browser and the table are the real ones.
 */
import { createMemoryEngineStore, createRiskEngine } from '@lingjie/risk-sdk/engine';
import { launchBrowser } from '../../test/e2e/browser';
import { signedInPage, startConsoleSandbox, stats, supervisorSession, writeResult } from './bench-session';

const RATE = 100;
const SECONDS = 10;

async function main() {
  const engine = createRiskEngine({
    store: createMemoryEngineStore(),
    identityKey: 'bench-identity-key-0123456789abcdef',
  });
  const sandbox = await startConsoleSandbox({ engine, seed: false });
  const browser = await launchBrowser();
  try {
    // seed: false leaves no staff: make the sandbox's staff for this run.
    const { ensureStaffUsers, loadSandboxStaffLogins } = await import('../../server/src/staff/staff-accounts');
    const { systemClock } = await import('../../server/src/clock');
    const { REPO_ROOT } = await import('../../server/src/sandbox');
    const logins = loadSandboxStaffLogins(`${REPO_ROOT}/.data/staff-logins.json`);
    await ensureStaffUsers(sandbox.db, systemClock, logins);
    sandbox.staffLogins.push(...logins);
    const page = await signedInPage(browser, await supervisorSession(sandbox));
    await page.goto(`${sandbox.url}/console/decisions`);
    await page.locator('[data-testid="stream-open"]').waitFor();
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { seen: Record<string, number> }).seen = seen;
      new MutationObserver((records) => {
        const now = performance.timeOrigin + performance.now();
        for (const r of records)
          r.addedNodes.forEach((n) => {
            const el = n as HTMLElement;
            const rows = el.matches?.('[data-decision-id]')
              ? [el]
              : Array.from(el.querySelectorAll?.('[data-decision-id]') ?? []);
            for (const row of rows) {
              const id = row.getAttribute('data-decision-id');
              if (id && !(id in seen)) seen[id] = now;
            }
          });
      }).observe(document.body, { childList: true, subtree: true });
    });

    const made = new Map<string, number>();
    const start = Date.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < RATE * SECONDS; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        sandbox.app.riskEngine
          .decide({ token: null, context: { action: 'loan.apply', ip: `10.0.${i % 250}.1`, userId: `bench-${i}` } })
          .then((d) => void made.set(d.record.decisionId, Date.now())),
      );
    }
    await Promise.all(pending);
    const achieved = made.size / ((Date.now() - start) / 1000);
    await page.waitForTimeout(2000);
    const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
    const delays = [...made].filter(([id]) => id in seen).map(([id, at]) => seen[id] - at);
    const result = {
      offeredPerSecond: RATE,
      achievedPerSecond: +achieved.toFixed(1),
      decisions: made.size,
      rowsSeen: delays.length,
      ...stats(delays),
    };
    console.log('Live stream: decision → row on screen (SSE + React/antd table, headless Chromium, localhost)');
    console.table(result);
    writeResult('console-stream-delay', result);
    await page.context().close();
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
