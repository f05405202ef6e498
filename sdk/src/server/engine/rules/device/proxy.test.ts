import { describeRuleCases } from '../test-rule-cases';
import { proxyRule } from './proxy';

describeRuleCases(proxyRule, [
  {
    kind: 'hit',
    name: 'system proxy on Wi-Fi',
    features: { 'device.platform': 'android', 'device.proxy': true, 'device.networkType': 'wifi' },
    value: 1,
    evidence: { networkType: 'wifi' },
  },
  {
    kind: 'no hit',
    name: 'no proxy',
    features: { 'device.platform': 'ios', 'device.proxy': false },
    value: 0,
    evidence: { networkType: null },
  },
  { kind: 'exit', name: 'network probe failed', features: { 'device.platform': 'ios' }, exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'H5 page', features: { 'device.platform': 'web' }, exit: 'NOT_APPLICABLE' },
]);
