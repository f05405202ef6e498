import { describeRuleCases } from '../test-rule-cases';
import { SUBNET_VELOCITY as rule } from './subnet-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'a /24 pouring applications',
    features: { 'velocity.subnetApps1h': 200 },
    value: 200,
    evidence: { window: '1h' },
  },
  { kind: 'no hit', name: 'quiet subnet', features: { 'velocity.subnetApps1h': 4 }, value: 4 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.subnetApps1h': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'velocity.subnetApps1h': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
