/**
 * The shipped rule sets: committed, versioned files beside this one. A bank replaces them by passing
 * its own files to `createRiskEngine({ ruleSets })`; each is checked by `loadRuleSet` at start.
 */
import loanApply from './loan.apply.json';
import moneyMove from './money.move.json';
import repay from './repay.json';
import type { RuleSetFile } from './schema';

export const DEFAULT_RULE_SETS: readonly RuleSetFile[] = [loanApply, moneyMove, repay] as unknown as RuleSetFile[];
