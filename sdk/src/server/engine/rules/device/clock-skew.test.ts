import { describeRuleCases } from '../test-rule-cases';
import { clockSkewRule } from './clock-skew';

describeRuleCases(clockSkewRule, [
  {
    kind: 'hit',
    name: 'two hours behind',
    features: { 'device.clockSkewMs': -7_200_000 },
    value: 120,
    evidence: { direction: '慢', skewMs: -7_200_000 },
  },
  {
    kind: 'hit',
    name: 'a day ahead',
    features: { 'device.clockSkewMs': 86_400_000 },
    value: 1440,
    evidence: { direction: '快' },
  },
  { kind: 'no hit', name: 'network-synced clock', features: { 'device.clockSkewMs': 850 }, value: 0 },
  { kind: 'no hit', name: 'rounds to tenths of a minute', features: { 'device.clockSkewMs': -125_000 }, value: 2.1 },
  { kind: 'exit', name: 'no device time', features: { 'device.clockSkewMs': null }, exit: 'MISSING_FEATURE' },
]);
