/**
 * WEB_HEADLESS: how many headless-browser traits the H5 page shows (HeadlessChrome UA, no plugins,
 * no languages, Chrome UA without window.chrome, zero outer size, notifications denied by
 * default). Mobile browsers and Android WebViews show one or two of these legitimately (no
 * plugins; no window.chrome in a WebView), so the bands start higher than one.
 */
import { Type } from '@sinclair/typebox';
import { defineRule, Exit, num } from '../define-rule';
import { outOfScope } from './flag-rule';

export const webHeadlessRule = defineRule({
  code: 'WEB_HEADLESS',
  version: 1,
  category: 'device',
  reads: ['web.headlessTraits', 'device.platform'],
  params: Type.Object({}),
  doc: 'H5: number of headless-browser traits present (0–6)',
  measure(f) {
    const exit = outOfScope(f, 'web');
    if (exit) return { exit };
    const traits = num(f, 'web.headlessTraits');
    return traits === null ? { exit: Exit.missingFeature } : { value: traits };
  },
});
