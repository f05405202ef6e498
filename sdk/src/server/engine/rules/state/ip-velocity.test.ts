import { describeRuleCases } from '../test-rule-cases';
import { IP_VELOCITY as rule } from './ip-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'eighty applications from one address',
    features: { 'velocity.ipApps1h': 80 },
    value: 80,
    evidence: { window: '1h' },
  },
  { kind: 'no hit', name: 'a few owners behind one office NAT', features: { 'velocity.ipApps1h': 3 }, value: 3 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.ipApps1h': null },
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'negative count (malformed)', features: { 'velocity.ipApps1h': -1 }, exit: 'MISSING_FEATURE' },
]);
