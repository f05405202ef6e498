/**
 * Loads a production WeChat build (dist/weapp) the way the WeChat client does at start and on
 * opening each page — app.js, then every page's .js, each with WeChat's own `require` between the
 * package's files — in a Node sandbox with the mini-program globals stubbed, and reports every
 * page that throws while loading or never registers itself (a page whose webpack chunks are not
 * all present waits for them for ever instead of throwing). It runs no page logic and draws
 * nothing: it proves the bundle's module graph is whole (what Taro's split-chunks optimiser moves
 * between the main package and the subpackages), not that the screens work — the H5 browser tests
 * cover those with the same source.
 * Run by `npm run check:weapp` (scripts/check-weapp.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

/** A `wx` whose every API is a no-op answering an empty object (sync) or nothing (async). */
function stubWx(): Record<string, unknown> {
  const known: Record<string, unknown> = {
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 667,
      pixelRatio: 2,
      SDKVersion: '3.3.0',
    }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getStorageSync: () => '',
    canIUse: () => true,
  };
  return new Proxy(known, {
    // webpack keeps its chunk list on `wx.webpackJsonp` (absent until the first chunk makes it).
    get: (t, k: string) =>
      k in t ? t[k] : typeof k === 'string' && k !== 'then' && k !== 'webpackJsonp' ? () => ({}) : undefined,
    set: (t, k: string, v) => ((t[k] = v), true),
  });
}

export function smokeWeapp(distDir: string): string[] {
  const problems: string[] = [];
  const app: AppJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'));
  const registered: string[] = [];
  let current = '';
  const sandbox: Record<string, unknown> = {
    wx: stubWx(),
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    App: () => registered.push('app.js'),
    Page: () => registered.push(current),
    Component: () => registered.push(current),
    Behavior: (o: unknown) => o,
    getApp: () => ({}),
    getCurrentPages: () => [],
    requirePlugin: () => ({}),
  };
  sandbox.globalThis = sandbox;
  const context = vm.createContext(sandbox);
  const cache = new Map<string, { exports: unknown }>();

  /** WeChat's `require`: a path relative to the requiring file, `.js` optional, one instance per file. */
  function load(rel: string): unknown {
    const file = rel.endsWith('.js') ? rel : `${rel}.js`;
    const hit = cache.get(file);
    if (hit) return hit.exports;
    const abs = path.join(distDir, file);
    if (!fs.existsSync(abs)) throw new Error(`${file} does not exist`);
    const module = { exports: {} as unknown };
    cache.set(file, module);
    const code = fs.readFileSync(abs, 'utf8');
    const fn = vm.runInContext(`(function (module, exports, require) {${code}\n})`, context, { filename: file });
    const req = (p: string) => load(path.posix.normalize(path.posix.join(path.posix.dirname(file), p)));
    fn(module, module.exports, req);
    return module.exports;
  }

  const pages = [
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
  ];
  for (const entry of ['app', ...pages]) {
    current = entry;
    const before = registered.length;
    try {
      load(entry);
    } catch (err) {
      problems.push(`${entry}.js 加载时出错：${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    if (registered.length === before)
      problems.push(`${entry}.js 加载后没有注册${entry === 'app' ? '小程序' : '页面'}（缺少依赖的代码块？）`);
  }
  return problems;
}
