import { describeRuleCases } from '../test-rule-cases';
import { IDENTITY_VELOCITY as rule } from './identity-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'nine applications with one ID in a day',
    features: { 'velocity.identityApps24h': 9 },
    value: 9,
    evidence: { window: '24h' },
  },
  { kind: 'no hit', name: 'first application', features: { 'velocity.identityApps24h': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.identityApps24h': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'velocity.identityApps24h': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
