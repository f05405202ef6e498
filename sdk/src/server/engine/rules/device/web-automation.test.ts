import { describeRuleCases } from '../test-rule-cases';
import { webAutomationRule } from './web-automation';

describeRuleCases(webAutomationRule, [
  { kind: 'hit', name: 'Playwright', features: { 'device.platform': 'web', 'web.webdriver': true }, value: 1 },
  {
    kind: 'no hit',
    name: 'a person in Safari',
    features: { 'device.platform': 'web', 'web.webdriver': false },
    value: 0,
  },
  { kind: 'exit', name: 'probe failed on H5', features: { 'device.platform': 'web' }, exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'mini-program', features: { 'device.platform': 'ios' }, exit: 'NOT_APPLICABLE' },
]);
