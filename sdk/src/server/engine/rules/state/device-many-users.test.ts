import { describeRuleCases } from '../test-rule-cases';
import { DEVICE_MANY_USERS as rule } from './device-many-users';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'five customer accounts on one device',
    features: { 'graph.deviceUsers7d': 5 },
    value: 5,
    evidence: { window: '7d' },
  },
  { kind: 'no hit', name: 'one customer', features: { 'graph.deviceUsers7d': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'graph.deviceUsers7d': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'graph.deviceUsers7d': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
