import { defineCountRule } from './count-rule';

/** Repeated applications for one enterprise (USCC): a shell company used many times. */
export const USCC_VELOCITY = defineCountRule({
  code: 'USCC_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.usccApps24h',
  window: '24h',
  doc: 'Applications for this enterprise (USCC), 24 hours',
});
