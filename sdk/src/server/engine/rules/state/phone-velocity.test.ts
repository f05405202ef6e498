import { describeRuleCases } from '../test-rule-cases';
import { PHONE_VELOCITY as rule } from './phone-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'one SIM behind twelve applications',
    features: { 'velocity.phoneApps24h': 12 },
    value: 12,
    evidence: { window: '24h' },
  },
  { kind: 'no hit', name: 'first application', features: { 'velocity.phoneApps24h': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.phoneApps24h': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'velocity.phoneApps24h': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
