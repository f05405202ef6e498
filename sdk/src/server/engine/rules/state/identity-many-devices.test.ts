import { describeRuleCases } from '../test-rule-cases';
import { IDENTITY_MANY_DEVICES as rule } from './identity-many-devices';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'one ID tried across a farm',
    features: { 'graph.identityDevices7d': 7 },
    value: 7,
    evidence: { window: '7d' },
  },
  { kind: 'no hit', name: 'phone and PC WeChat', features: { 'graph.identityDevices7d': 2 }, value: 2 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'graph.identityDevices7d': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'graph.identityDevices7d': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
