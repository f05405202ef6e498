/**
 * What `npm pack` produces: the files a bank installs, the manifest it resolves, and two
 * independent package linters (publint, @arethetypeswrong/cli) on the tarball itself.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_INFO, REPO, packed } from './fresh-project';

const SUBPATHS = ['.', './taro', './web', './virtual', './gm', './server', './engine'];
const ENTRY_FILES = ['index', 'taro', 'web', 'virtual', 'gm', 'server', 'engine'];

const tarball = () => packed().tarball;
const packedManifest = () =>
  JSON.parse(execFileSync('tar', ['-xzOf', tarball(), 'package/package.json'], { encoding: 'utf8' }));

/** Runs a linter from this repository's devDependencies; returns its exit status and output. */
function lint(bin: string, args: string[]): { status: number; out: string } {
  try {
    return { status: 0, out: execFileSync('npx', ['--no-install', bin, ...args], { cwd: REPO, encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

describe(`the packed SDK (${PACK_INFO})`, () => {
  it('ships built code, its types, the docs and the test vectors — no sources, tests or tooling', () => {
    const { files } = packed();
    const allowed =
      /^(dist\/.+\.(mjs|js|d\.mts|d\.ts)|test-vectors\/.+\.json|package\.json|(README|PROTOCOL|SIGNALS|FEATURES|RULES|CHANGELOG)\.md)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const name of ENTRY_FILES)
      for (const ext of ['mjs', 'js', 'd.mts', 'd.ts']) expect(files).toContain(`dist/${name}.${ext}`);
    expect(files).toContain('dist/bin/keygen.js');
    // Every vector file of the repository (LJR1, LJG1, canonical JSON), and nothing else.
    expect(files.filter((f) => f.startsWith('test-vectors/')).sort()).toEqual(
      readdirSync(join(REPO, 'sdk', 'test-vectors'))
        .map((f) => `test-vectors/${f}`)
        .sort(),
    );
  });

  it('publishes a manifest without the in-repo source condition, with ESM/CJS types per subpath', () => {
    const m = packedManifest();
    expect(JSON.stringify(m)).not.toContain('@lingjie/source');
    expect(m.scripts).toBeUndefined();
    expect(m.devDependencies).toBeUndefined();
    expect(m.sideEffects).toBe(false);
    expect(Object.keys(m.exports)).toEqual([...SUBPATHS, './package.json']);
    for (const sub of SUBPATHS) {
      const { import: esm, require: cjs } = m.exports[sub];
      // `types` first in each branch, then the code in the same module format.
      expect(Object.keys(esm)).toEqual(['types', 'default']);
      expect(Object.keys(cjs)).toEqual(['types', 'default']);
      expect(esm.types).toMatch(/\.d\.mts$/);
      expect(esm.default).toMatch(/\.mjs$/);
      expect(cjs.types).toMatch(/\.d\.ts$/);
      expect(cjs.default).toMatch(/\.js$/);
    }
  });

  it('publint finds nothing, not even a suggestion', () => {
    const r = lint('publint', ['run', tarball(), '--strict']);
    expect(r.out).toContain('All good!');
    expect(r.status).toBe(0);
  });

  it('@arethetypeswrong/cli finds no problem in any resolution mode (node10, node16 CJS/ESM, bundler)', () => {
    const r = lint('attw', [tarball(), '--format', 'json']);
    const report = JSON.parse(r.out.slice(r.out.indexOf('{')));
    expect(report.problems).toEqual({});
    expect(r.status).toBe(0);
    for (const sub of SUBPATHS) {
      const resolutions = report.analysis.entrypoints[sub].resolutions;
      expect(Object.keys(resolutions).sort()).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
      for (const kind of Object.keys(resolutions))
        expect(resolutions[kind].resolution.fileName).toMatch(/\/dist\/[\w.-]+\.d\.m?ts$/);
    }
  });
});
