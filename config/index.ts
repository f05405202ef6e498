import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// NutUI is drawn on a 375px design; our own styles on 750px. pxtransform needs both.
const NUTUI_DESIGN_WIDTH = 375;
const APP_DESIGN_WIDTH = 750;

function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? (input.file?.replace(/\\+/g, '/') ?? '') : '';
  return file.includes('@nutui') ? NUTUI_DESIGN_WIDTH : APP_DESIGN_WIDTH;
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
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      // webpack's 244 KiB hint is for desktop sites; our budget is the first-load benchmark.
      webpackChain(chain) {
        chain.performance.hints(false);
      },
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
