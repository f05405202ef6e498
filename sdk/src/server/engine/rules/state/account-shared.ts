import { defineCountRule } from './count-rule';

/** One receiving account named by several customers: a mule account collecting many loans. Partners of one firm may share a company account, so two is light. */
export const ACCOUNT_SHARED = defineCountRule({
  code: 'ACCOUNT_SHARED',
  version: 1,
  category: 'identity',
  feature: 'graph.accountUsers30d',
  window: '30d',
  doc: 'Distinct customers naming this receiving account, 30 days',
});
