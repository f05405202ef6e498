import { describeRuleCases } from '../test-rule-cases';
import { ACCOUNT_VELOCITY as rule } from './account-velocity';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'nine moves to one account',
    features: { 'velocity.accountMoves24h': 9 },
    value: 9,
    evidence: { window: '24h' },
  },
  { kind: 'no hit', name: 'one drawdown', features: { 'velocity.accountMoves24h': 1 }, value: 1 },
  {
    kind: 'exit',
    name: 'not counted for this request',
    features: { 'velocity.accountMoves24h': null },
    exit: 'MISSING_FEATURE',
  },
  {
    kind: 'exit',
    name: 'negative count (malformed)',
    features: { 'velocity.accountMoves24h': -1 },
    exit: 'MISSING_FEATURE',
  },
]);
