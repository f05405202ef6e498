import { describeRuleCases } from '../test-rule-cases';
import { DEVICE_VELOCITY as rule } from './device-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'farm phone cycling identities',
    features: { 'velocity.deviceApps24h': 15 },
    value: 15,
    evidence: { window: '24h' },
  },
  { kind: 'no hit', name: 'first application', features: { 'velocity.deviceApps24h': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.deviceApps24h': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'velocity.deviceApps24h': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
