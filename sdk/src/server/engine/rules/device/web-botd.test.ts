import { describeRuleCases } from '../test-rule-cases';
import { webBotdRule } from './web-botd';

describeRuleCases(webBotdRule, [
  { kind: 'hit', name: 'BotD measured a bot', features: { 'device.platform': 'web', 'web.botdBot': true }, value: 1 },
  {
    kind: 'no hit',
    name: 'BotD saw a browser',
    features: { 'device.platform': 'web', 'web.botdBot': false },
    value: 0,
  },
  {
    kind: 'exit',
    name: 'BotD did not load',
    features: { 'device.platform': 'web', 'web.botdBot': null },
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'mini-program', features: { 'device.platform': 'android' }, exit: 'NOT_APPLICABLE' },
]);
