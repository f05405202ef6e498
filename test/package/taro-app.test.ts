/**
 * A bank's own Taro 4.2.1 React app (fixtures/taro-app, written as `taro init` makes one) that
 * imports @lingjie/risk-sdk/taro from the packed tarball and builds for weapp and h5 with Taro's
 * stock configuration: no `compile.include`, no alias, no special resolution.
 *
 * Installation: the SDK is installed with `npm install <tarball>`, as a stranger would. The Taro
 * toolchain the fixture declares (Taro, React, Babel, webpack — the same exact versions as this
 * repository's app) is linked from the repository's node_modules instead of being resolved from the
 * registry on every run, which would add minutes; nothing of the SDK is linked.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import {
  REPO,
  createTimer,
  freshProject,
  linkToolchainFromRepo,
  npmInstall,
  packed,
  readJson,
  run,
  writeJson,
  type FreshProject,
} from './fresh-project';
import { serveDirectory } from './static-server';

jest.setTimeout(300_000);
const timer = createTimer('taro-app');

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

let project: FreshProject;
let browser: Browser | undefined;

beforeAll(async () => {
  project = freshProject('taro-app');
  const file = path.join(project.dir, 'package.json');
  const manifest = readJson<Manifest>(file);
  const toolchain = { ...manifest.dependencies, ...manifest.devDependencies };
  await timer.time('npm install <tarball>', () => {
    writeJson(file, { ...manifest, dependencies: {}, devDependencies: {} });
    npmInstall(project.dir, [packed().tarball]);
    const sdkSpec = readJson<Manifest>(file).dependencies['@lingjie/risk-sdk'];
    writeJson(file, { ...manifest, dependencies: { ...manifest.dependencies, '@lingjie/risk-sdk': sdkSpec } });
  });
  const linked = await timer.time('link the Taro toolchain', () =>
    linkToolchainFromRepo(project.dir, Object.keys(toolchain)),
  );
  // The linked toolchain is exactly what the fixture pins (and what the repository's app uses).
  const root = readJson<Manifest>(path.join(REPO, 'package.json'));
  for (const name of Object.keys(manifest.dependencies).filter(
    (n) => n.startsWith('@tarojs/') || n.startsWith('react'),
  ))
    expect(linked[name]).toBe(root.dependencies[name]);
});

afterAll(async () => {
  await browser?.close();
  project?.remove();
  timer.write();
});

const ENV = {
  NODE_ENV: 'production',
  RISK_PUBLIC_KEY: 'CYILQbox1fi2NOfTbjEHeZeVIpT04VQADPNjCY2g3Qk',
  RISK_KEY_ID: 'bank-2026-11',
};

function taroBuild(type: 'weapp' | 'h5'): void {
  run(project.dir, 'node', [path.join('node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', type], ENV);
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

it('uses the installed package: a real directory with dist/ and no sources, in a config without compile.include', () => {
  const sdk = path.join(project.dir, 'node_modules', '@lingjie', 'risk-sdk');
  expect(lstatSync(sdk).isSymbolicLink()).toBe(false);
  expect(existsSync(path.join(sdk, 'dist', 'taro.mjs'))).toBe(true);
  expect(existsSync(path.join(sdk, 'src'))).toBe(false);
  expect(readFileSync(path.join(project.dir, 'config', 'index.ts'), 'utf8')).not.toMatch(/compile\s*:|include\s*:/);
});

it('builds for weapp; the SDK is in the page bundle and the consent notice text is tree-shaken out', async () => {
  await timer.time('taro build --type weapp', () => taroBuild('weapp'));
  const out = path.join(project.dir, 'dist', 'weapp');
  expect(readJson<{ pages: string[] }>(path.join(out, 'app.json')).pages).toEqual(['pages/index/index']);
  const bundles = jsFiles(out);
  expect(bundles.some((js) => js.includes('LJR1-X25519-HMAC-SHA256-AES256CBC'))).toBe(true);
  expect(bundles.some((js) => js.includes('node:crypto'))).toBe(false);
  // sideEffects: false lets webpack drop SIGNALS (the page imports CONSENT_LEVELS from ./taro only).
  const purposes: string[] = JSON.parse(
    run(project.dir, 'node', ['-p', "JSON.stringify(require('@lingjie/risk-sdk').SIGNALS.map((s) => s.purpose.en))"]),
  );
  expect(purposes.length).toBeGreaterThan(10);
  for (const text of purposes) expect(bundles.some((js) => js.includes(text))).toBe(false);
});

it('builds for h5, and the page runs the SDK client in Chromium', async () => {
  await timer.time('taro build --type h5', () => taroBuild('h5'));
  const site = await serveDirectory(path.join(project.dir, 'dist', 'h5'));
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/`);
    const state = page.locator('#risk-state');
    await state.waitFor();
    // CONSENT_LEVELS from the package, and the client's own consent state (nothing granted yet).
    await expect(state.innerText()).resolves.toMatch(/^risk:basic,behaviour,sensors:\{.*\}$/);
    expect(errors).toEqual([]);
  } finally {
    await site.close();
  }
});
