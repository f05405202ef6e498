/**
 * H5 signal collection (issue 11 point 9): the SDK's whole H5 snapshot — FingerprintJS + BotD +
 * our own collectors, run by `client.collect()` — beside FingerprintJS + BotD alone (load + get /
 * detect, concurrently, as a bank would call them without us), in the same headless Chromium, each
 * measurement in a fresh page, the two interleaved. Target: SDK ≤ 1.2 × the baseline (median).
 * The snapshot must be complete — the bench fails if the fingerprint or BotD entry timed out, since
 * a collector cut off by its budget would make the SDK look faster than it is.
 *   npm run bench -- h5-snapshot        env: BENCH_RUNS (default 15)
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { devices } from 'playwright-core';
import { generateServerKeyPair } from '@lingjie/risk-sdk/server';
import { launchBrowser } from '../e2e/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_RATIO = 1.2;
const ROOT = path.resolve(__dirname, '../..');

const ENTRY = `
import * as FingerprintJS from '@fingerprintjs/fingerprintjs';
import * as Botd from '@fingerprintjs/botd';
import { createRiskClient } from ${JSON.stringify(path.join(ROOT, 'sdk/src/web.ts'))};

window.baseline = async () => {
  const t0 = performance.now();
  await Promise.all([
    FingerprintJS.load({ monitoring: false }).then((a) => a.get()),
    Botd.load({ monitoring: false }).then((d) => d.detect()),
  ]);
  return { ms: performance.now() - t0 };
};

window.sdk = async (key) => {
  const client = createRiskClient({
    serverPublicKey: key.publicKey,
    keyId: key.keyId,
    endpoint: '/api',
    telemetryOnGrant: false,
    // Generous budgets: we time the collectors' real work, not their cut-offs.
    collectorBudgetMs: 10000,
    collectionDeadlineMs: 20000,
    web: { loadFingerprint: async () => FingerprintJS, loadBotd: async () => Botd },
  });
  await client.grantConsent(['basic', 'behaviour']);
  const t0 = performance.now();
  const snapshot = await client.collect();
  const ms = performance.now() - t0;
  const complete = ['fingerprint', 'botd'].every((s) => snapshot[s] && 'value' in snapshot[s]);
  return { ms, complete, signals: Object.keys(snapshot).length };
};
`;

async function main() {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2017',
    platform: 'browser',
    conditions: ['@lingjie/source'],
    write: false,
    logLevel: 'error',
  });
  const js = bundle.outputFiles[0].text;
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(js);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>snapshot bench</title><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const key = generateServerKeyPair({ keyId: 'bench-0001' });
  const browser = await launchBrowser();
  const base: number[] = [];
  const sdk: number[] = [];
  let signals = 0;
  try {
    const once = async (which: 'baseline' | 'sdk') => {
      const context = await browser.newContext({ ...devices['iPhone 12'], locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(url);
      const r = await page.evaluate(
        ([w, k]) =>
          (
            window as unknown as Record<
              string,
              (k: unknown) => Promise<{ ms: number; complete?: boolean; signals?: number }>
            >
          )[w](k),
        [which, { publicKey: key.publicKey, keyId: key.keyId }] as const,
      );
      await context.close();
      if (r.complete === false) throw new Error('the SDK snapshot is incomplete (fingerprint or botd missing)');
      if (r.signals) signals = r.signals;
      return r.ms;
    };
    await once('baseline'); // warm-up: Chromium's first page pays for process start-up
    await once('sdk');
    for (let i = 0; i < RUNS; i++) {
      base.push(await once('baseline'));
      sdk.push(await once('sdk'));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = median(sdk) / median(base);
  const result = {
    runs: RUNS,
    baselineMedianMs: +median(base).toFixed(1),
    sdkMedianMs: +median(sdk).toFixed(1),
    sdkSignals: signals,
    ratio: +ratio.toFixed(2),
    target: TARGET_RATIO,
    met: ratio <= TARGET_RATIO,
  };
  console.log('H5 snapshot: SDK collect() (FingerprintJS + BotD + own collectors) vs FingerprintJS + BotD alone');
  console.table(result);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/h5-snapshot.json', JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
