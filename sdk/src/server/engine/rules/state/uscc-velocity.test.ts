import { describeRuleCases } from '../test-rule-cases';
import { USCC_VELOCITY as rule } from './uscc-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'a shell company applied for six times',
    features: { 'velocity.usccApps24h': 6 },
    value: 6,
    evidence: { window: '24h' },
  },
  { kind: 'no hit', name: 'first application', features: { 'velocity.usccApps24h': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.usccApps24h': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'velocity.usccApps24h': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
