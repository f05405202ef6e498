/**
 * Checks a production WeChat build (dist/weapp) the way the WeChat uploader would refuse it,
 * before anyone opens DevTools: every page has its files, tab pages are in the main package, every
 * relative require finds its file, no package requires another subpackage's files, the privacy
 * switch is on, and sizes are in budget; then app.js and every page are loaded in a sandbox
 * (scripts/weapp-smoke.ts) to prove each one finds its modules and registers.
 * Usage: npx tsx scripts/check-weapp.ts [dist/weapp]   (exit 1 on any violation)
 */
import fs from 'node:fs';
import path from 'node:path';
import { smokeWeapp } from './weapp-smoke';

const KB = 1024;
// WeChat's limit is 2 MB, but the main package is downloaded before the first screen (Taro's
// hello-world is ~364 KB of it). Issue 11's target is 500 KB, met on 2026-12-02 at 499.9 KB with no
// room to spare (README, Budgets); the check fails above a ceiling a little over it, so growth is
// caught while the next main-package change makes room (the risk SDK, ~70 KB, is what is left to move).
export const MAIN_BUDGET = 520 * KB;
export const MAIN_TARGET = 500 * KB;
export const SUBPACKAGE_BUDGET = 2048 * KB;
const PAGE_FILES = ['.js', '.json', '.wxml'];

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
  __usePrivacyCheck__?: boolean;
}

export interface WeappReport {
  problems: string[];
  sizes: { name: string; bytes: number; budget: number }[];
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const rootOf = (rel: string, roots: string[]) => roots.find((r) => rel === r || rel.startsWith(`${r}/`));

export function checkWeapp(distDir: string): WeappReport {
  const problems: string[] = [];
  const app: AppJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'));
  const subs = app.subPackages ?? app.subpackages ?? [];
  const roots = subs.map((s) => s.root.replace(/\/$/, ''));

  const allPages = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  for (const page of allPages) {
    for (const ext of PAGE_FILES) {
      if (!fs.existsSync(path.join(distDir, page + ext))) problems.push(`页面 ${page} 缺少 ${ext} 文件`);
    }
  }
  for (const tab of app.tabBar?.list ?? []) {
    if (!app.pages.includes(tab.pagePath)) problems.push(`tabBar 页面 ${tab.pagePath} 不在主包中`);
  }
  if (app.__usePrivacyCheck__ !== true) problems.push('app.json 未开启 __usePrivacyCheck__（隐私接口将不可用）');

  const files = walk(distDir).map((abs) => ({ abs, rel: path.relative(distDir, abs).split(path.sep).join('/') }));
  // What a page loads at run time: a required file must exist, and a package may reach only its own
  // files and the main package's (WeChat refuses a synchronous require across subpackages). The
  // shared code Taro moves into each subpackage's sub-common/ is checked by this too.
  const exists = (rel: string) => [rel, `${rel}.js`].some((r) => fs.existsSync(path.join(distDir, r)));
  for (const { abs, rel } of files) {
    if (!rel.endsWith('.js')) continue;
    const own = rootOf(rel, roots);
    const code = fs.readFileSync(abs, 'utf8');
    for (const m of code.matchAll(/require\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]));
      const targetRoot = rootOf(target, roots);
      if (!exists(target)) problems.push(`文件 ${rel} 引用的 ${target} 不存在`);
      else if (targetRoot && !own) problems.push(`主包文件 ${rel} 引用了分包 ${target}`);
      else if (targetRoot && own && targetRoot !== own) problems.push(`分包文件 ${rel} 引用了另一个分包 ${target}`);
    }
  }

  const size = (pred: (rel: string) => boolean) =>
    files.filter((f) => pred(f.rel)).reduce((n, f) => n + fs.statSync(f.abs).size, 0);
  const sizes = [
    { name: '主包', bytes: size((rel) => !rootOf(rel, roots)), budget: MAIN_BUDGET },
    ...roots.map((r) => ({ name: r, bytes: size((rel) => rootOf(rel, [r]) !== undefined), budget: SUBPACKAGE_BUDGET })),
  ];
  for (const s of sizes) {
    if (s.bytes > s.budget)
      problems.push(`${s.name} 大小 ${(s.bytes / KB).toFixed(1)} KB 超出预算 ${s.budget / KB} KB`);
  }
  return { problems, sizes };
}

/** One line per package: size, budget, and the headroom left (or the overshoot). */
export function formatSize(s: { name: string; bytes: number; budget: number }): string {
  const kb = (n: number) => (n / KB).toFixed(1);
  const left = s.budget - s.bytes;
  const verdict = left >= 0 ? `${kb(left)} KB under` : `${kb(-left)} KB OVER`;
  const share = ((s.bytes / s.budget) * 100).toFixed(0);
  return `${s.name.padEnd(20)} ${kb(s.bytes).padStart(8)} KB / ${s.budget / KB} KB (${share}%, ${verdict})`;
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? 'dist/weapp');
  const { problems, sizes } = checkWeapp(dist);
  // Only a build whose files are all there is worth loading.
  if (!problems.length) problems.push(...smokeWeapp(dist));
  console.log('WeChat package sizes (production build):');
  for (const s of sizes) console.log(`  ${formatSize(s)}`);
  console.log(`  target (issue 11): ${formatSize({ ...sizes[0], budget: MAIN_TARGET })}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('weapp check: ok (every page has its files; app.js and every page load in a sandbox and register)');
}
