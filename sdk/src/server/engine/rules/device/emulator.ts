/**
 * DEVICE_EMULATOR: how strongly the device looks emulated. Strong traits count 1 each: WeChat
 * DevTools' platform, an x86 ABI on an Android phone (retail phones are ARM), an emulator's stock
 * brand/model, and an iPhone whose screen (or platform) no iPhone has. WeChat documents
 * benchmarkLevel −1 as "performance unknown", which a rare genuine phone can get too, so it counts
 * only half: alone it stays below a strong trait's band.
 */
import { Type } from '@sinclair/typebox';
import { defineRule, Exit, num, str } from '../define-rule';
import { isEmulatorSignature } from './emulator-signatures';
import { isIphoneScreen } from './iphone-screens';

/** Staff labels of the traits, in the order they are checked (evidence is shown to staff as is). */
const TRAIT = {
  platform: '开发者工具平台',
  abi: 'x86 架构',
  benchmark: '性能等级未知',
  signature: '模拟器品牌/型号',
  iphoneMismatch: 'iPhone 型号与屏幕/平台不符',
} as const;

const ANDROID_LIKE = new Set(['android', 'ohos']);
/** Platforms an iPhone model can legitimately report: the phone itself, or DevTools simulating one. */
const IPHONE_PLATFORMS = new Set(['ios', 'devtools']);

export const emulatorRule = defineRule({
  code: 'DEVICE_EMULATOR',
  version: 1,
  category: 'device',
  reads: [
    'device.platform',
    'device.abi',
    'device.benchmarkLevel',
    'device.brand',
    'device.model',
    'device.screenWidth',
    'device.screenHeight',
    'device.pixelRatio',
  ],
  params: Type.Object({
    /** Client platforms that are simulators. */
    emulatorPlatforms: Type.Array(Type.String(), { default: ['devtools'] }),
    /** ABIs no retail Android phone ships. */
    x86Abis: Type.Array(Type.String(), { default: ['x86', 'x86_64'] }),
    /** Weight of benchmarkLevel −1 on Android, in traits (0 switches it off). */
    unknownBenchmarkTrait: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    /** Switch for the iPhone model/screen cross-check. */
    iphoneScreenCheck: Type.Boolean({ default: true }),
  }),
  doc: 'Emulator traits: DevTools platform, x86 ABI on Android, emulator brand/model, iPhone model with a non-iPhone screen (1 each); benchmarkLevel −1 on Android (0.5)',
  measure(f, p) {
    const platform = str(f, 'device.platform');
    if (platform === null) return { exit: Exit.missingFeature };
    if (platform === 'web') return { exit: Exit.notApplicable };
    const abi = str(f, 'device.abi');
    const model = str(f, 'device.model');
    const width = num(f, 'device.screenWidth');
    const height = num(f, 'device.screenHeight');
    const traits: Array<[name: string, weight: number]> = [];

    if (p.emulatorPlatforms.includes(platform)) traits.push([TRAIT.platform, 1]);
    if (ANDROID_LIKE.has(platform) && abi !== null && p.x86Abis.includes(abi.toLowerCase()))
      traits.push([TRAIT.abi, 1]);
    if (platform === 'android' && num(f, 'device.benchmarkLevel') === -1 && p.unknownBenchmarkTrait > 0)
      traits.push([TRAIT.benchmark, p.unknownBenchmarkTrait]);
    if (isEmulatorSignature(str(f, 'device.brand'), model)) traits.push([TRAIT.signature, 1]);
    if (p.iphoneScreenCheck && model !== null && /^iphone/i.test(model.trim())) {
      const wrongPlatform = !IPHONE_PLATFORMS.has(platform);
      const wrongScreen =
        width !== null && height !== null && !isIphoneScreen(width, height, num(f, 'device.pixelRatio'));
      if (wrongPlatform || wrongScreen) traits.push([TRAIT.iphoneMismatch, 1]);
    }

    return {
      value: traits.reduce((s, [, w]) => s + w, 0),
      evidence: {
        traits: traits.map(([t]) => t).join('、') || '无',
        platform,
        model,
        abi,
        screen: width !== null && height !== null ? `${width}x${height}@${num(f, 'device.pixelRatio') ?? '?'}` : null,
      },
    };
  },
});
