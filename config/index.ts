import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import webpack from 'webpack';
import devConfig from './dev';
import prodConfig from './prod';
import { PreloadHomePagePlugin } from './plugins/h5-preload-home';

// NutUI is drawn on a 375px design; our own styles on 750px. pxtransform needs both.
const NUTUI_DESIGN_WIDTH = 375;
const SDK_DIR = path.resolve(__dirname, '..', 'sdk');
const APP_DESIGN_WIDTH = 750;
/** The H5 first screen (app.config.ts's first page), preloaded from index.html. */
const HOME_PAGE = /\/src\/pages\/index\/index\.tsx$/;

/**
 * In this repo the app imports @lingjie/risk-sdk from its TypeScript sources: the `@lingjie/source`
 * export condition (sdk/package.json) wins over dist/, and `compile.include` compiles them like src/.
 * A bank's own project installs the package and gets the built dist/ (see test/package).
 */
function preferSdkSources(chain: { resolve: { set(key: string, value: unknown): unknown } }): void {
  chain.resolve.set('conditionNames', ['@lingjie/source', '...']);
}

/*
 * Main-package size (WeChat downloads it before the first screen; our budget is 500 KB, see
 * scripts/check-weapp.ts). Taro's MiniSplitChunksPlugin (optimizeMainPackage, on by default) already
 * keeps what only subpackages import in their sub-vendors / sub-common; these settings shrink what
 * the tab pages and the app entry really need.
 */

// Our own modules without import-time effects: a page that imports one validator from the domain's
// index (or one string table) gets that module, not the whole barrel (decimal-free validators,
// no dayjs on the home screen). dayjs's utc plugin is registered by each module that uses it.
const SIDE_EFFECT_FREE = /[\\/]src[\\/](domain|locales)[\\/].*\.ts$/;

/*
 * Empty stand-ins (config/stubs/empty-module.js) for modules the mini-program never runs:
 * - Node's `crypto`, which crypto-js asks for (its package maps it to `false` for browsers, so
 *   webpack makes an "ignored" module without a resource). Taro 4.2.1's MiniSplitChunksPlugin stops
 *   scanning a subpackage chunk's modules at the first such module (a `return` inside its loop), so
 *   every module sorted after it — decimal.js among them, used only by subpackages — stayed in the
 *   main package's vendors.js. A stub with a real path keeps the scan going (main package −31 KB).
 * - crypto-js's MD5, SHA-1, EvpKDF and Base64: its AES module loads them for password-based
 *   encryption and OpenSSL-format strings only; the SDK seals raw bytes with raw keys
 *   (sdk/src/protocol/suites/ljr1-seal.no-kdf.test.ts).
 */
const EMPTY_MODULE = path.resolve(__dirname, 'stubs', 'empty-module.js');
const CRYPTO_JS_PASSWORD_KDF = /^\.\/(md5|sha1|evpkdf|enc-base64)(\.js)?$/;
type PluginChain = { plugin(name: string): { use(p: unknown, args: unknown[]): unknown } };
function stubUnusedModules(chain: PluginChain): void {
  chain.plugin('lj-no-node-crypto').use(webpack.NormalModuleReplacementPlugin, [/^crypto$/, EMPTY_MODULE]);
  chain.plugin('lj-no-crypto-js-kdf').use(webpack.NormalModuleReplacementPlugin, [
    CRYPTO_JS_PASSWORD_KDF,
    (resource: { context: string; request: string }) => {
      if (/[\\/]node_modules[\\/]crypto-js$/.test(resource.context)) resource.request = EMPTY_MODULE;
    },
  ]);
}

type RuleChain = { test(t: RegExp): { set(key: 'sideEffects', value: boolean): unknown } };
function markSideEffectFree(chain: { module: { rule(name: string): RuleChain } }): void {
  chain.module.rule('lj-side-effect-free').test(SIDE_EFFECT_FREE).set('sideEffects', false);
}

// WeChat renders WXSS in iOS WKWebView (current WeChat needs iOS 10+) and, on Android, X5/XWeb
// (Chromium 53 and later): no -ms- prefixes, no 2012 flexbox syntax (H5 keeps package.json's list).
const WECHAT_RENDERERS = ['iOS >= 10', 'Chrome >= 53'];

// Taro's mini-program terser preset turns most compress passes off and escapes every non-ASCII
// character (each 汉字 becomes a 6-byte \uXXXX; as UTF-8 it is 3 bytes, and WeChat reads UTF-8).
// Here: terser's own defaults, two passes, with `comparisons` kept off and `inline: 2`, the settings
// create-react-app uses because of known miscompiles; ES5 output as before.
const MINI_TERSER = {
  compress: {
    collapse_vars: true,
    computed_props: true,
    hoist_props: true,
    inline: 2,
    loops: true,
    negate_iife: true,
    properties: true,
    reduce_funcs: true,
    reduce_vars: true,
    switches: true,
    typeofs: true,
    passes: 2,
  },
  output: { ascii_only: false },
};

function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? (input.file?.replace(/\\+/g, '/') ?? '') : '';
  return file.includes('@nutui') ? NUTUI_DESIGN_WIDTH : APP_DESIGN_WIDTH;
}

/**
 * Build-time constants. The risk SDK's server public key is baked in (never fetched at run time:
 * a proxy could swap it). Sandbox default: the key in .data/risk-keys.json that the sandbox bank
 * uses (`npm run build:*` makes it first); a bank sets TARO_APP_RISK_PUBLIC_KEY / _KEY_ID.
 */
function appConstants(): Record<string, string> {
  let publicKey = process.env.TARO_APP_RISK_PUBLIC_KEY;
  let keyId = process.env.TARO_APP_RISK_KEY_ID;
  if (!publicKey || !keyId) {
    const file = path.resolve(__dirname, '../.data/risk-keys.json');
    if (!fs.existsSync(file)) {
      throw new Error(
        'No risk key: run `npx tsx scripts/sandbox-risk-key.ts` (npm run build:* does) or set TARO_APP_RISK_PUBLIC_KEY and TARO_APP_RISK_KEY_ID',
      );
    }
    const [key] = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ keyId: string; publicKey: string }>;
    publicKey = key.publicKey;
    keyId = key.keyId;
  }
  // H5 is served by the sandbox bank itself (same origin); the mini-program needs an absolute URL.
  const apiBase =
    process.env.TARO_APP_API_BASE ?? (process.env.TARO_ENV === 'h5' ? '/api' : 'http://127.0.0.1:8080/api');
  return {
    LJ_RISK_PUBLIC_KEY: JSON.stringify(publicKey),
    LJ_RISK_KEY_ID: JSON.stringify(keyId),
    LJ_API_BASE: JSON.stringify(apiBase),
  };
}

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'lingjie',
    date: '2026-11-26',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'plugins/weapp-appid.ts')],
    defineConstants: appConstants(),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // The mini-program's minifier settings (MINI_TERSER); H5 keeps Taro's own.
    terser: process.env.TARO_ENV === 'h5' ? undefined : { enable: true, config: MINI_TERSER },
    cache: { enable: false },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    mini: {
      // The risk SDK's sources (a workspace package, see preferSdkSources): compile them like src/.
      compile: { include: [SDK_DIR] },
      // Taro's own option: base.wxml (every component's template, one copy per level) without indentation.
      minifyXML: { collapseWhitespace: true },
      // WeChat templates cannot recurse, so base.wxml holds one copy of the templates per tree level
      // (Taro's default 16). From level 7 down Taro continues through its `comp` component (a virtual
      // host with shared styles: no extra node, same layout, the same page setData), so a deeper
      // subtree costs one component instance instead of 9 more template levels in the main package
      // (base.wxml 56 → 32 KB; main package 502.5 KB at level 8, 499.9 KB at 7). Taro's MiniPlugin
      // reads `mini.baseLevel`; its config types leave it out, hence the spread.
      ...({ baseLevel: 7 } as object),
      webpackChain(chain) {
        preferSdkSources(chain);
        markSideEffectFree(chain);
        stubUnusedModules(chain);
      },
      // Pages import shared component styles in different orders; each rule is scoped by class.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: { overrideBrowserslist: WECHAT_RENDERERS } },
        cssModules: { enable: false },
      },
    },
    h5: {
      // webpack's 244 KiB hint is for desktop sites; our budget is the first-load benchmark.
      webpackChain(chain) {
        chain.performance.hints(false);
        preferSdkSources(chain);
        // The home chunk gets only the domain modules and strings it uses (as in the mini build).
        markSideEffectFree(chain);
        // index.html names the home page's chunks, so they load beside app.js, not after it.
        chain.plugin('lj-preload-home').use(PreloadHomePagePlugin, [HOME_PAGE]);
      },
      compile: { include: [SDK_DIR] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
