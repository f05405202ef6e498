import { defineCountRule } from './count-rule';

/** Repeated applications with one resident ID: probing for a limit or retrying past a rejection. */
export const IDENTITY_VELOCITY = defineCountRule({
  code: 'IDENTITY_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.identityApps24h',
  window: '24h',
  doc: 'Applications with this resident ID, 24 hours',
});
