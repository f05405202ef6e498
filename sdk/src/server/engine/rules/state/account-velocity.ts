import { defineCountRule } from './count-rule';

/** Many money moves to one receiving account in a day. */
export const ACCOUNT_VELOCITY = defineCountRule({
  code: 'ACCOUNT_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.accountMoves24h',
  window: '24h',
  doc: 'Money moves to this receiving account, 24 hours',
});
