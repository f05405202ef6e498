import { describeRuleCases } from '../test-rule-cases';
import { debugModeRule } from './debug-mode';

describeRuleCases(debugModeRule, [
  { kind: 'hit', name: 'vConsole on', features: { 'device.platform': 'android', 'device.debug': true }, value: 1 },
  { kind: 'no hit', name: 'debug off', features: { 'device.platform': 'ios', 'device.debug': false }, value: 0 },
  {
    kind: 'exit',
    name: 'app base info failed',
    features: { 'device.platform': 'ios', 'device.debug': null },
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'wrong type reads as missing', features: { 'device.debug': 'true' }, exit: 'MISSING_FEATURE' },
  {
    kind: 'exit',
    name: 'H5 page',
    features: { 'device.platform': 'web', 'device.debug': null },
    exit: 'NOT_APPLICABLE',
  },
]);
