/**
 * Bundle size of the mini-program client entry (src/taro.ts): esbuild, minified, platform-neutral,
 * Taro external — the way a Taro/webpack build would pull it in. Three measurements:
 *   own code      every npm package external (just the SDK's source)
 *   excl. @noble  own code + crypto-js (engineering.md's reading: the budget excludes the X25519 dependency)
 *   total         everything the mini-program ships for the SDK
 *   npx tsx sdk/bench/bundle-size.bench.ts
 */
import { build, type Metafile } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

const SDK = join(__dirname, '..');
/** Issue 11 point 10: the SDK's own code ≤ 10 KB min+gzip. */
const BUDGET_OWN_GZIP = 10 * 1024;
/** How many of the own-code bundle's biggest source files to list. */
const TOP_INPUTS = 15;
const BUDGET_TOTAL_GZIP = 30 * 1024;

interface Row {
  name: string;
  minBytes: number;
  gzipBytes: number;
  inputs: number;
}

async function measure(name: string, external: string[], packagesExternal = false): Promise<Row & { meta: Metafile }> {
  const r = await build({
    entryPoints: [join(SDK, 'src/taro.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2017',
    mainFields: ['module', 'main'],
    external,
    packages: packagesExternal ? 'external' : undefined,
    metafile: true,
    logLevel: 'silent',
    // BigInt literals from @noble need es2020 syntax; let esbuild keep them.
    supported: { bigint: true },
    // WeChat source files are UTF-8; the default ASCII escaping would triple the zh-CN purposes.
    charset: 'utf8',
  });
  const code = r.outputFiles[0].contents;
  return {
    name,
    minBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(r.metafile.inputs).length,
    meta: r.metafile,
  };
}

/**
 * Evaluate the whole bundle in a bare JS context — only ECMAScript built-ins, no TextEncoder, no
 * window/document, no wx — as older WeChat base libraries are. Anything that throws here at load
 * would crash the mini-program on import.
 */
async function loadsInBareContext(): Promise<{ ok: boolean; error?: string }> {
  const r = await build({
    entryPoints: [join(SDK, 'src/taro.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    globalName: 'LJR',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['@tarojs/taro'],
    logLevel: 'silent',
    supported: { bigint: true },
  });
  try {
    runInContext(r.outputFiles[0].text, createContext({}));
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function main() {
  const own = await measure('own code (deps external)', ['@tarojs/taro'], true);
  const noNoble = await measure('own + crypto-js (excl. @noble)', ['@tarojs/taro', '@noble/*']);
  const total = await measure('total (incl. @noble/curves)', ['@tarojs/taro']);

  // The web-only libraries must never reach the mini-program bundle.
  const leaked = Object.keys(total.meta.inputs).filter((p) =>
    /@fingerprintjs|platform[\\/]web\.ts|platform[\\/]virtual\.ts|node:/.test(p),
  );
  const byPackage = new Map<string, number>();
  for (const out of Object.values(total.meta.outputs)) {
    for (const [path, info] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      // SDK sources grouped by top-level module, so growth is attributable.
      const own = /sdk\/src\/([^/]+?)(?:\.ts$|\/)/.exec(path);
      const key = m ? m[1] : `sdk/src/${own ? own[1] : path}`;
      byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
    }
  }

  // The own-code bundle by source file: what to look at first when it grows.
  const ownInputs = Object.values(own.meta.outputs)
    .flatMap((out) => Object.entries(out.inputs))
    .map(([path, info]): [string, number] => [path.replace(/^.*?sdk\/src\//, ''), info.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  const bare = await loadsInBareContext();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [own, noNoble, total];
  console.log('\nSDK mini-program client bundle (src/taro.ts, esbuild minify, neutral, Taro external)\n');
  console.log('| bundle | min | gzip (measured) | target (gzip) | measured / target |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    // Targets: own code ≤ 10 KB (issue 11 point 10), everything ≤ 30 KB (the SDK brief), gzip.
    const budget = r === own ? BUDGET_OWN_GZIP : r === total ? BUDGET_TOTAL_GZIP : null;
    const verdict =
      budget === null
        ? ' | '
        : `≤ ${kb(budget)} | ${(r.gzipBytes / budget).toFixed(2)} ${r.gzipBytes <= budget ? 'OK' : 'OVER'}`;
    console.log(`| ${r.name} | ${kb(r.minBytes)} | ${kb(r.gzipBytes)} | ${verdict} |`);
  }
  console.log(`\nown code, biggest inputs (minified bytes in the own-code bundle, top ${TOP_INPUTS}):`);
  for (const [path, bytes] of ownInputs.slice(0, TOP_INPUTS)) console.log(`  ${path.padEnd(36)} ${bytes} B`);
  console.log('\nminified bytes by source (total bundle):');
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(28)} ${kb(v)}`);
  console.log(
    bare.ok
      ? '\nloads in a bare JS context (no TextEncoder/window/wx): yes'
      : `\nloads in a bare JS context (no TextEncoder/window/wx): NO — ${bare.error}`,
  );
  console.log(
    leaked.length
      ? `\nLEAKED into the mini-program bundle: ${leaked.join(', ')}`
      : '\nno web/virtual/Node code in the bundle',
  );

  const result = {
    bench: 'bundle-size',
    date: new Date().toISOString(),
    node: process.version,
    entry: 'src/taro.ts',
    rows: rows.map(({ meta: _m, ...r }) => r),
    bySource: Object.fromEntries(byPackage),
    ownCodeByFile: Object.fromEntries(ownInputs),
    budgets: { ownGzip: BUDGET_OWN_GZIP, totalGzip: BUDGET_TOTAL_GZIP },
    withinBudget: { own: own.gzipBytes <= BUDGET_OWN_GZIP, total: total.gzipBytes <= BUDGET_TOTAL_GZIP },
    leaked,
    loadsInBareContext: bare,
  };
  const dir = join(SDK, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bundle-size.json'), JSON.stringify(result, null, 2));
  console.log(`\nwrote ${join(dir, 'bundle-size.json')}`);
  if (leaked.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
