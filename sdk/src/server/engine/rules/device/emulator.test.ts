import { describeRuleCases } from '../test-rule-cases';
import { emulatorRule } from './emulator';

const phone = (over: Record<string, string | number | null>) => ({
  'device.platform': 'android',
  'device.brand': 'Xiaomi',
  'device.model': '2211133C',
  'device.abi': 'arm64-v8a',
  'device.benchmarkLevel': 31,
  'device.screenWidth': 393,
  'device.screenHeight': 873,
  'device.pixelRatio': 2.75,
  ...over,
});
const iphone = (over: Record<string, string | number | null>) =>
  phone({
    'device.platform': 'ios',
    'device.brand': 'Apple',
    'device.model': 'iPhone 15',
    'device.abi': null,
    'device.benchmarkLevel': null,
    'device.screenWidth': 393,
    'device.screenHeight': 852,
    'device.pixelRatio': 3,
    ...over,
  });

describeRuleCases(emulatorRule, [
  { kind: 'no hit', name: 'retail Android phone', features: phone({}), value: 0, evidence: { traits: '无' } },
  { kind: 'no hit', name: 'iPhone 15 at its own size', features: iphone({}), value: 0 },
  {
    kind: 'no hit',
    name: 'iPhone 13 mini with Display Zoom',
    features: iphone({ 'device.model': 'iPhone 13 mini', 'device.screenWidth': 320, 'device.screenHeight': 693 }),
    value: 0,
  },
  {
    kind: 'no hit',
    name: 'iPhone held sideways',
    features: iphone({ 'device.screenWidth': 852, 'device.screenHeight': 393 }),
    value: 0,
  },
  {
    kind: 'no hit',
    name: 'benchmarkLevel −1 on iOS (WeChat reports it for Android only)',
    features: iphone({ 'device.benchmarkLevel': -1 }),
    value: 0,
  },
  {
    kind: 'hit',
    name: 'x86_64 ABI on Android',
    features: phone({ 'device.abi': 'x86_64' }),
    value: 1,
    evidence: { traits: 'x86 架构' },
  },
  {
    kind: 'hit',
    name: 'WeChat DevTools',
    features: phone({
      'device.platform': 'devtools',
      'device.brand': 'devtools',
      'device.model': 'iPhone 6/7/8',
      'device.screenWidth': 375,
      'device.screenHeight': 667,
      'device.pixelRatio': 2,
    }),
    value: 2,
    evidence: { traits: '开发者工具平台、模拟器品牌/型号' },
  },
  {
    kind: 'hit',
    name: 'Android Studio AVD',
    features: phone({
      'device.brand': 'google',
      'device.model': 'sdk_gphone64_x86_64',
      'device.abi': 'x86_64',
      'device.benchmarkLevel': -1,
    }),
    value: 2.5,
    evidence: { traits: 'x86 架构、性能等级未知、模拟器品牌/型号' },
  },
  {
    kind: 'hit',
    name: 'benchmarkLevel −1 alone counts half',
    features: phone({ 'device.benchmarkLevel': -1 }),
    value: 0.5,
  },
  {
    kind: 'hit',
    name: 'benchmark trait switched off by config',
    features: phone({ 'device.benchmarkLevel': -1 }),
    params: { unknownBenchmarkTrait: 0 },
    value: 0,
  },
  {
    kind: 'hit',
    name: 'an iPhone model with a screen no iPhone has',
    features: iphone({ 'device.screenWidth': 360, 'device.screenHeight': 780 }),
    value: 1,
    evidence: { traits: 'iPhone 型号与屏幕/平台不符', screen: '360x780@3' },
  },
  {
    kind: 'hit',
    name: 'an iPhone size at a pixel ratio no iPhone has',
    features: iphone({ 'device.pixelRatio': 2.75 }),
    value: 1,
  },
  {
    kind: 'hit',
    name: 'an iPhone model on an Android platform',
    features: phone({ 'device.model': 'iPhone 15 Pro' }),
    value: 1,
    evidence: { traits: 'iPhone 型号与屏幕/平台不符' },
  },
  {
    kind: 'no hit',
    name: 'screen check switched off by config',
    features: iphone({ 'device.screenWidth': 360, 'device.screenHeight': 780 }),
    params: { iphoneScreenCheck: false },
    value: 0,
  },
  { kind: 'exit', name: 'no device signal', features: {}, exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'H5 page', features: { 'device.platform': 'web' }, exit: 'NOT_APPLICABLE' },
]);
