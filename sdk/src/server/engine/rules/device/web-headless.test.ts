import { describeRuleCases } from '../test-rule-cases';
import { webHeadlessRule } from './web-headless';

describeRuleCases(webHeadlessRule, [
  { kind: 'hit', name: 'headless Chrome', features: { 'device.platform': 'web', 'web.headlessTraits': 4 }, value: 4 },
  {
    kind: 'no hit',
    name: 'a mobile browser (no plugins)',
    features: { 'device.platform': 'web', 'web.headlessTraits': 1 },
    value: 1,
  },
  { kind: 'no hit', name: 'desktop Chrome', features: { 'device.platform': 'web', 'web.headlessTraits': 0 }, value: 0 },
  { kind: 'exit', name: 'probe failed', features: { 'device.platform': 'web' }, exit: 'MISSING_FEATURE' },
  {
    kind: 'exit',
    name: 'mini-program',
    features: { 'device.platform': 'ios', 'web.headlessTraits': null },
    exit: 'NOT_APPLICABLE',
  },
]);
