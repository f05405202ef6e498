import { describeRuleCases } from '../test-rule-cases';
import { NO_BEHAVIOUR as rule } from './no-behaviour';

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'behaviour consent declined',
    features: { 'ctx.hasToken': true, 'behaviour.present': false },
    value: 1,
  },
  {
    kind: 'no hit',
    name: 'behaviour summary present',
    features: { 'ctx.hasToken': true, 'behaviour.present': true },
    value: 0,
  },
  {
    kind: 'exit',
    name: 'no token at all',
    features: { 'ctx.hasToken': false, 'behaviour.present': null },
    exit: 'NOT_APPLICABLE',
  },
  {
    kind: 'exit',
    name: 'consent state unreadable',
    features: { 'ctx.hasToken': true, 'behaviour.present': null },
    exit: 'MISSING_FEATURE',
  },
]);
