import { describeRuleCases } from '../test-rule-cases';
import { desktopClientRule } from './desktop-client';

describeRuleCases(desktopClientRule, [
  {
    kind: 'hit',
    name: 'PC WeChat',
    features: { 'device.platform': 'windows', 'device.model': 'PC' },
    value: 1,
    evidence: { platform: 'windows' },
  },
  { kind: 'hit', name: 'Mac WeChat', features: { 'device.platform': 'mac' }, value: 1 },
  { kind: 'hit', name: 'DevTools', features: { 'device.platform': 'devtools' }, value: 1 },
  { kind: 'no hit', name: 'a phone', features: { 'device.platform': 'android' }, value: 0 },
  {
    kind: 'no hit',
    name: 'mac dropped from the list by config',
    features: { 'device.platform': 'mac' },
    params: { platforms: ['windows'] },
    value: 0,
  },
  { kind: 'exit', name: 'no platform', features: {}, exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'H5 page', features: { 'device.platform': 'web' }, exit: 'NOT_APPLICABLE' },
]);
