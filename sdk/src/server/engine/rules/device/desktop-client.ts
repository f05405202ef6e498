/**
 * DEVICE_DESKTOP_CLIENT: the mini-program runs in PC/Mac WeChat or DevTools. Plenty of business
 * owners use PC WeChat at the office, so on its own this is weight; batch operations favour
 * desktops (scripts, multi-instance tools), so it adds to other evidence.
 */
import { Type } from '@sinclair/typebox';
import { defineRule, Exit, str } from '../define-rule';

export const desktopClientRule = defineRule({
  code: 'DEVICE_DESKTOP_CLIENT',
  version: 1,
  category: 'device',
  reads: ['device.platform', 'device.model'],
  params: Type.Object({
    platforms: Type.Array(Type.String(), { default: ['windows', 'mac', 'linux', 'devtools'] }),
  }),
  doc: 'The mini-program runs in a desktop WeChat client or DevTools (platform windows/mac/linux/devtools)',
  measure(f, p) {
    const platform = str(f, 'device.platform');
    if (platform === null) return { exit: Exit.missingFeature };
    if (platform === 'web') return { exit: Exit.notApplicable };
    return { value: p.platforms.includes(platform) ? 1 : 0, evidence: { platform, model: str(f, 'device.model') } };
  },
});
