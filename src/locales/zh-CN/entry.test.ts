/**
 * The main package's string table (entry.ts) against the full one (index.ts): the same values, and
 * no main-package module reaching the full table (which would put every journey's strings back
 * into the package WeChat downloads before the first screen).
 */
import fs from 'node:fs';
import path from 'node:path';
import { zhCN as full } from './index';
import { zhCN as entry } from './entry';

const SRC = path.resolve(__dirname, '../..');

/** Every leaf of `o` with its path. */
function leaves(o: object, at: string[] = []): Array<[string[], unknown]> {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? leaves(v as object, [...at, k]) : [[[...at, k], v]],
  );
}

/** A relative or `@/` import of `from`, resolved the way the weapp build does (`.weapp` first). */
function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(SRC, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  const candidates = ['.weapp.ts', '.weapp.tsx', '.ts', '.tsx', '/index.weapp.ts', '/index.ts', '/index.tsx'];
  for (const c of [base, ...candidates.map((ext) => base + ext)])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Every source file the main package's pages and the app entry reach through imports. */
function mainPackageFiles(): Set<string> {
  const config = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8');
  const pages = [.../pages:\s*\[([^\]]*)\]/.exec(config)![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  expect(pages).toContain('pages/index/index');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g)) {
      const target = resolveImport(file, m[1] ?? m[2]);
      if (target && /\.tsx?$/.test(target)) visit(target);
    }
  };
  visit(path.join(SRC, 'app.ts'));
  for (const p of pages) visit(resolveImport(path.join(SRC, 'x.ts'), `./${p}`)!);
  return seen;
}

describe('the main package string table', () => {
  test('every string it has is the full table’s, at the same path', () => {
    const entryLeaves = leaves(entry);
    expect(entryLeaves.length).toBeGreaterThan(100);
    for (const [at, value] of entryLeaves) {
      const inFull = at.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], full);
      expect([at.join('.'), inFull]).toEqual([at.join('.'), value]);
    }
  });

  test('it leaves out the subpackage screens’ strings', () => {
    expect('apply' in entry).toBe(false);
    expect('realName' in entry.onboarding).toBe(false);
    expect('repay' in entry.servicing).toBe(false);
  });

  test('no module of the main package imports the full table or a subpackage journey’s strings', () => {
    const files = mainPackageFiles();
    expect(files.size).toBeGreaterThan(20);
    const forbidden = ['index.ts', 'onboarding.ts', 'servicing.ts', 'apply.ts'].map((f) => path.join(__dirname, f));
    const offenders = [...files].filter((f) => forbidden.includes(f)).map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
