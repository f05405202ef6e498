import { describeRuleCases } from '../test-rule-cases';
import { NEW_ACCOUNT_QUICK_MOVE as rule } from './new-account-quick-move';

const MIN = 60_000;
const move = (action: string | null, accountAgeMs: number | null, deviceApplied30d: number | null) => ({
  'ctx.action': action,
  'ctx.accountAgeMs': accountAgeMs,
  'graph.deviceApplied30d': deviceApplied30d,
});

describeRuleCases(rule, [
  {
    kind: 'hit',
    name: 'account added 4 min ago, device never applied',
    features: move('drawdown', 4 * MIN, 0),
    value: 2,
    evidence: { accountAgeMin: 4, deviceApplied30d: 0 },
  },
  {
    kind: 'hit',
    name: 'new account from the applying device (half the pattern)',
    features: move('drawdown', 10 * MIN, 1),
    value: 1,
  },
  {
    kind: 'hit',
    name: 'old account, device never applied (half the pattern)',
    features: move('drawdown', 40 * 24 * 60 * MIN, 0),
    value: 1,
  },
  {
    kind: 'hit',
    name: 'contract signing added by params',
    features: move('contract.sign', MIN, 0),
    params: { actions: ['drawdown', 'contract.sign'] },
    value: 2,
  },
  {
    kind: 'no hit',
    name: 'owner draws to a month-old account from the applying phone',
    features: move('drawdown', 30 * 24 * 60 * MIN, 2),
    value: 0,
  },
  {
    kind: 'no hit',
    name: 'window shortened by params',
    features: move('drawdown', 20 * MIN, 1),
    params: { maxAccountAgeMs: 15 * MIN },
    value: 0,
  },
  {
    kind: 'exit',
    name: 'an application is not a money move',
    features: move('loan.apply', MIN, 0),
    exit: 'NOT_APPLICABLE',
  },
  { kind: 'exit', name: 'repayment (money comes in)', features: move('repay', MIN, 0), exit: 'NOT_APPLICABLE' },
  {
    kind: 'exit',
    name: 'no receiving account on the move',
    features: move('drawdown', null, 0),
    exit: 'MISSING_FEATURE',
  },
  { kind: 'exit', name: 'device unknown (no token)', features: move('drawdown', MIN, null), exit: 'MISSING_FEATURE' },
  { kind: 'exit', name: 'action missing', features: move(null, MIN, 0), exit: 'MISSING_FEATURE' },
]);
