import { describeRuleCases } from '../test-rule-cases';
import { DEVICE_MANY_IDENTITIES as rule } from './device-many-identities';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'intermediary phone with six identities',
    features: { 'graph.deviceIdentities7d': 6 },
    value: 6,
    evidence: { window: '7d' },
  },
  { kind: 'no hit', name: 'owner on their own phone', features: { 'graph.deviceIdentities7d': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'graph.deviceIdentities7d': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'graph.deviceIdentities7d': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
