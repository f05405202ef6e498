/**
 * JS bytes transferred for the H5 home screen, before and after pre-compressed delivery, in the same
 * run on the same build (dist/h5):
 * - before: the build served as it was until now (@fastify/static, no compression, max-age=0);
 * - after: the bank's delivery (server/src/static-assets.ts): brotli/gzip twins from
 *   scripts/precompress.ts, immutable caching for hashed files, no-cache for index.html.
 * Bytes are what Chromium received from the network for Script resources (CDP encodedDataLength:
 * headers + encoded body), first on a cold context, then on a second visit in the same context; the
 * cold visit also as far as the home screen showing (the risk SDK's chunk comes after it, issue 11 point 8).
 * Needs a production build (npm run build:h5); writes the .br/.gz twins if the build predates them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { devices, type Browser } from 'playwright-core';
import { precompressDir } from '../../scripts/precompress';
import { startSandbox } from '../../server/src/sandbox';
import { launchBrowser } from '../e2e/browser';

const DIST = path.resolve(__dirname, '../../dist/h5');
const RUNS = 3;
const HOME = '[data-testid="page-home"] [data-testid="annual-rate"]';

interface Visit {
  jsBytes: number;
  /** What had arrived when the home screen showed (the rest, e.g. the risk SDK, is fetched after it). */
  jsBytesAtHome: number;
  jsRequests: number;
  jsFromNetwork: number;
}

/** The H5 build as it was served before: plain files, default caching; the API forwarded to `api`. */
async function servePlain(api: string) {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: DIST, wildcard: false, index: ['index.html'] });
  app.all('/api/*', async (request, reply) => {
    const res = await fetch(api + request.url, {
      method: request.method,
      headers: Object.fromEntries(
        Object.entries(request.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>,
      body: ['GET', 'HEAD'].includes(request.method) ? undefined : JSON.stringify(request.body),
    });
    reply.status(res.status);
    res.headers.forEach((v, k) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) reply.header(k, v);
    });
    return reply.send(Buffer.from(await res.arrayBuffer()));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => app.close(),
  };
}

/** A cold visit to the home screen, then a second one in the same context (a returning user). */
async function visits(browser: Browser, url: string): Promise<{ cold: Visit; warm: Visit }> {
  const context = await browser.newContext({ ...devices['iPhone 12'], locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let visit: Visit = { jsBytes: 0, jsBytesAtHome: 0, jsRequests: 0, jsFromNetwork: 0 };
  const scripts = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script') return;
    scripts.add(e.requestId);
    visit.jsRequests += 1;
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!scripts.has(e.requestId)) return;
    visit.jsBytes += e.encodedDataLength;
    // Nothing received: served from the browser's cache without asking the server (a 304 has headers).
    if (e.encodedDataLength > 0) visit.jsFromNetwork += 1;
  });
  const load = async () => {
    visit = { jsBytes: 0, jsBytesAtHome: 0, jsRequests: 0, jsFromNetwork: 0 };
    await page.goto(`${url}/`);
    await page.locator(HOME).waitFor({ state: 'visible' });
    visit.jsBytesAtHome = visit.jsBytes;
    await page.waitForLoadState('networkidle');
    return visit;
  };
  const cold = await load();
  await page.goto('about:blank');
  const warm = await load();
  await context.close();
  return { cold, warm };
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first');
  if (!fs.readdirSync(path.join(DIST, 'js')).some((f) => f.endsWith('.br'))) {
    console.log('dist/h5 predates pre-compression: writing the .br/.gz twins now (build:h5 does it after a build)');
    precompressDir(DIST);
  }
  const bank = await startSandbox({ port: 0, dataDir: null, logger: false, seed: false });
  const plain = await servePlain(bank.url);
  const browser = await launchBrowser();
  const rows: Record<string, Record<string, number>> = {};
  try {
    for (const [name, url] of [
      ['before (plain, max-age=0)', plain.url],
      ['after (brotli, immutable)', bank.url],
    ] as const) {
      const runs: Array<{ cold: Visit; warm: Visit }> = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visits(browser, url));
      const median = (f: (r: (typeof runs)[number]) => number) => runs.map(f).sort((a, b) => a - b)[runs.length >> 1];
      rows[name] = {
        'cold JS KB': +(median((r) => r.cold.jsBytes) / 1024).toFixed(1),
        'cold JS files': median((r) => r.cold.jsRequests),
        'cold JS KB at home screen': +(median((r) => r.cold.jsBytesAtHome) / 1024).toFixed(1),
        'repeat JS KB': +(median((r) => r.warm.jsBytes) / 1024).toFixed(1),
        'repeat JS requests to server': median((r) => r.warm.jsFromNetwork),
      };
    }
  } finally {
    await browser.close();
    await plain.close();
    await bank.close();
  }
  const [before, after] = Object.values(rows);
  const result = {
    rows,
    coldRatio: +(after['cold JS KB'] / before['cold JS KB']).toFixed(3),
    runs: RUNS,
  };
  console.log('H5 home screen: JS bytes received from the network (headless Chromium, iPhone 12 emulation, localhost)');
  console.table(rows);
  console.log(`cold-visit JS transferred, after / before: ${result.coldRatio}`);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/h5-transfer.json', JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
