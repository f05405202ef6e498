/**
 * LJR1 beside LJG1 (国密), measured in one run:
 *   bundle  each client suite alone (its code + its libraries: crypto-js/@noble for LJR1,
 *           sm-crypto-v2 + @noble for LJG1), and the mini-program client (src/taro.ts) as an app ships
 *           it with that suite — esbuild, minified, gzip level 9
 *   seal    the full client `seal` of a 2 KB payload bound to a request, per suite
 *   verify  the node:crypto verifier on those tokens; handshake = client + server, one session
 *   npx tsx sdk/bench/suites.bench.ts        writes sdk/bench-results/suites.json
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness, postTo } from '../src/server/test-kit';
import { generateServerKeyPair } from '../src/server/keygen';
import { createSuiteRegistry } from '../src/protocol/suite';
import { ljr1JsSuite } from '../src/protocol/suites/ljr1-js';
import { ljg1JsSuite } from '../src/protocol/suites/ljg1-js';
import { canonicalJson } from '../src/crypto/canonical-json';

const SDK = join(__dirname, '..');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 100;
const HANDSHAKES = 30;

const SUITES = [
  { short: 'LJR1', keySuite: 'LJR1', module: './src/protocol/suites/ljr1-js', exportName: 'ljr1JsSuite', appExtra: '' },
  {
    short: 'LJG1',
    keySuite: 'LJG1',
    module: './src/protocol/suites/ljg1-js',
    exportName: 'ljg1JsSuite',
    appExtra: "export { ljg1JsSuite } from './src/gm';",
  },
] as const;

async function size(contents: string): Promise<{ minBytes: number; gzipBytes: number }> {
  const r = await build({
    stdin: { contents, resolveDir: SDK, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2017',
    mainFields: ['module', 'main'],
    external: ['@tarojs/taro'],
    logLevel: 'silent',
    supported: { bigint: true },
    charset: 'utf8',
  });
  const code = r.outputFiles[0].contents;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

function payload2k(): Record<string, unknown> {
  const p = { device: { brand: 'HUAWEI', model: 'ALN-AL00', platform: 'android' }, events: [] as unknown[] };
  for (let i = 0; canonicalJson(p).length < 2048; i++)
    p.events.push({ id: `e-${i}`, type: i % 2 ? 'touch.end' : 'input', at: 1_800_000_000_000 + i * 137 });
  return p;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeMs(n: number, warmup: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(out);
}

async function main(): Promise<void> {
  const keys = SUITES.map((s) => generateServerKeyPair({ keyId: `bench-${s.short.toLowerCase()}`, suite: s.keySuite }));
  const h = createHarness({
    sessionTtlMs: 24 * 3600_000,
    keys: keys.map((k) => ({ keyId: k.keyId, privateKey: k.privateKey, suite: k.suite })),
  });
  const suites = createSuiteRegistry([ljr1JsSuite, ljg1JsSuite]);
  const payload = payload2k();
  const request = postTo({ amount: '50000.00', termMonths: 12, uscc: '91310000MA1FL4XX5K' });
  const taro = await size("export * from './src/taro';");

  const rows = [];
  for (const [i, s] of SUITES.entries()) {
    const key = keys[i];
    const newClient = () => h.newClient({ serverPublicKey: key.publicKey, keyId: key.keyId, suite: key.suite, suites });
    const suiteAlone = await size(`export { ${s.exportName} } from '${s.module}';`);
    const app = s.appExtra ? await size(`export * from './src/taro'; ${s.appExtra}`) : taro;
    const handshakeMs = await timeMs(HANDSHAKES, 3, () => newClient().ensureSession());
    const client = newClient();
    await client.ensureSession();
    const tokens: string[] = [];
    const sealMs = await timeMs(ITERATIONS, WARMUP, async () => {
      tokens.push(await client.seal('action', 'loan.apply', payload, request));
    });
    let next = 0;
    const verifyMs = await timeMs(ITERATIONS, WARMUP, async () => {
      const r = await h.server.verify(tokens[next++], { request });
      if (!r.ok) throw new Error(`bench token refused: ${r.code}`);
    });
    rows.push({ suite: key.suite, suiteAlone, clientApp: app, sealMs, verifyMs, handshakeMs });
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `\nsuites: bundle (esbuild minify + gzip -9) and 2 KB seal, ${ITERATIONS} iterations, node ${process.version}\n`,
  );
  console.log(
    '| suite | suite alone min / gzip | taro client with it, gzip | seal median | verify median | handshake median |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.suite} | ${kb(r.suiteAlone.minBytes)} / ${kb(r.suiteAlone.gzipBytes)} | ${kb(r.clientApp.gzipBytes)} | ${r.sealMs.toFixed(3)} ms | ${r.verifyMs.toFixed(3)} ms | ${r.handshakeMs.toFixed(2)} ms |`,
    );

  const result = {
    benchmark: 'suites',
    date: new Date().toISOString(),
    node: process.version,
    iterations: ITERATIONS,
    payloadBytes: canonicalJson(payload).length,
    rows,
  };
  const dir = join(SDK, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'suites.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwrote ${join(dir, 'suites.json')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
