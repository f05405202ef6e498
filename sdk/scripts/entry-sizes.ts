/**
 * Size of each subpath's built entry: the entry file, and the entry plus every dist/ chunk it
 * imports statically (what a bundler starts from before tree-shaking), raw and gzip level 9.
 * Dependencies (@noble, crypto-js, TypeBox) are external and not counted.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  subpath: string;
  format: 'esm' | 'cjs';
  file: string;
  entryBytes: number;
  totalBytes: number;
  totalGzipBytes: number;
}

// `from "./chunk-X.mjs"`, `import "./chunk-X.mjs"`, `require("./chunk-X.js")`
const RELATIVE_IMPORT = /(?:from\s*|import\s*|require\()\s*["'](\.\.?\/[^"']+)["']/g;

function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) visit(normalize(join(dirname(file), m[1])));
  };
  visit(entry);
  return [...seen];
}

/** `exportsField`: package.json `exports`; `distDir`: the directory its `./dist/...` targets live in. */
export function measureEntries(distDir: string, exportsField: Record<string, unknown>): EntrySize[] {
  const rows: EntrySize[] = [];
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (typeof target !== 'object' || target === null) continue;
    for (const [condition, format] of [
      ['import', 'esm'],
      ['require', 'cjs'],
    ] as const) {
      const rel = (target as Record<string, { default?: string }>)[condition]?.default;
      if (!rel) continue;
      const entry = join(distDir, rel.replace(/^\.\/dist\//, ''));
      const files = closure(entry);
      const all = Buffer.concat(files.map((f) => readFileSync(f)));
      rows.push({
        subpath,
        format,
        file: rel,
        entryBytes: readFileSync(entry).length,
        totalBytes: all.length,
        totalGzipBytes: gzipSync(all, { level: 9 }).length,
      });
    }
  }
  return rows;
}
