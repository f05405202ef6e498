/**
 * Builds the published package into dist/ (`npm run build -w sdk`): ES modules (.mjs) and
 * CommonJS (.js) for every subpath, with bundled .d.mts / .d.ts next to them.
 *
 * Two builds, because the entries run in two worlds:
 *   client  `.`, `./taro`, `./web`, `./virtual`, `./gm` — mini-programs, browsers, Node (virtual devices).
 *           Platform-neutral ES2017 + BigInt (what @noble needs anyway); a bank's Taro/webpack build
 *           does not transpile node_modules, so nothing newer may reach it. One shared-chunk graph,
 *           so `ConsentError` & co. are the same class whichever client entry they come from.
 *   server  `./server`, `./engine` and the keygen CLI — Node ≥ 20.
 * Dependencies and peer dependencies stay external (tsup's default): the app's bundler dedupes them.
 */
import { defineConfig, type Options } from 'tsup';
import type { Plugin } from 'esbuild';

/**
 * crypto-js has no `exports` map, so its deep imports need the file extension under strict ESM
 * resolution (Node's ESM loader, webpack for .mjs): `crypto-js/sha256` → `crypto-js/sha256.js`.
 * Rewritten here rather than in the sources, which the repo's own tools resolve without it.
 */
const cryptoJsDeepImports: Plugin = {
  name: 'crypto-js-deep-imports',
  setup(build) {
    build.onResolve({ filter: /^crypto-js\/[^.]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};

const shared: Options = {
  format: ['esm', 'cjs'],
  outDir: 'dist',
  dts: true,
  splitting: true,
  sourcemap: false,
  treeshake: false,
  // `npm run build` empties dist/ once; two builds cleaning in parallel would delete each other.
  clean: false,
  // Keep `node:crypto` as written: explicit, and what Node ≥ 20 and bundlers expect.
  removeNodeProtocol: false,
  // tsup marks dependencies external before any plugin runs; let the crypto-js rewrite see its imports.
  noExternal: [/^crypto-js\//],
  esbuildPlugins: [cryptoJsDeepImports],
  // zh-CN signal purposes stay readable UTF-8 instead of \u escapes (smaller, and greppable).
  esbuildOptions(o) {
    o.charset = 'utf8';
  },
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      taro: 'src/taro.ts',
      web: 'src/web.ts',
      virtual: 'src/virtual.ts',
      gm: 'src/gm.ts',
    },
    platform: 'neutral',
    target: 'es2017',
    external: [/^node:/],
    esbuildOptions(o) {
      o.charset = 'utf8';
      // BigInt literals (@noble's, and ours) are fine on every runtime the SDK supports.
      o.supported = { ...o.supported, bigint: true };
    },
  },
  {
    ...shared,
    entry: { server: 'src/server/index.ts', engine: 'src/server/engine/index.ts' },
    platform: 'node',
    target: 'node20',
  },
  {
    ...shared,
    // keygen.ts runs its own main() when it is the process's main module (`require.main === module`).
    entry: { 'bin/keygen': 'src/server/keygen.ts' },
    format: ['cjs'],
    dts: false,
    splitting: false,
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
