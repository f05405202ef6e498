import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// NutUI is drawn on a 375px design; our own styles on 750px. pxtransform needs both.
const NUTUI_DESIGN_WIDTH = 375;
const SDK_DIR = path.resolve(__dirname, '..', 'sdk');
const APP_DESIGN_WIDTH = 750;

/**
 * In this repo the app imports @lingjie/risk-sdk from its TypeScript sources: the `@lingjie/source`
 * export condition (sdk/package.json) wins over dist/, and `compile.include` compiles them like src/.
 * A bank's own project installs the package and gets the built dist/ (see test/package).
 */
function preferSdkSources(chain: { resolve: { set(key: string, value: unknown): unknown } }): void {
  chain.resolve.set('conditionNames', ['@lingjie/source', '...']);
}

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
    cache: { enable: false },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    mini: {
      // The risk SDK's sources (a workspace package, see preferSdkSources): compile them like src/.
      compile: { include: [SDK_DIR] },
      webpackChain(chain) {
        preferSdkSources(chain);
      },
      // Pages import shared component styles in different orders; each rule is scoped by class.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      // webpack's 244 KiB hint is for desktop sites; our budget is the first-load benchmark.
      webpackChain(chain) {
        chain.performance.hints(false);
        preferSdkSources(chain);
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
