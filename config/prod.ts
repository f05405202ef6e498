import type { UserConfigExport } from '@tarojs/cli';

// Production builds are what the size check and the end-to-end tests measure.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
