import { describeRuleCases } from '../test-rule-cases';
import { screenRecordingRule } from './screen-recording';

describeRuleCases(screenRecordingRule, [
  { kind: 'hit', name: 'recording', features: { 'device.platform': 'ios', 'device.screenRecording': true }, value: 1 },
  {
    kind: 'no hit',
    name: 'not recording',
    features: { 'device.platform': 'ios', 'device.screenRecording': false },
    value: 0,
  },
  {
    kind: 'exit',
    name: 'base library without the API',
    features: { 'device.platform': 'android' },
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'H5 page', features: { 'device.platform': 'web' }, exit: 'NOT_APPLICABLE' },
]);
