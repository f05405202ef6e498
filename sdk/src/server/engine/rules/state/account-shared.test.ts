import { describeRuleCases } from '../test-rule-cases';
import { ACCOUNT_SHARED as rule } from './account-shared';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'mule account named by seven customers',
    features: { 'graph.accountUsers30d': 7 },
    value: 7,
    evidence: { window: '30d' },
  },
  { kind: 'no hit', name: 'own account', features: { 'graph.accountUsers30d': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'graph.accountUsers30d': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'graph.accountUsers30d': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
