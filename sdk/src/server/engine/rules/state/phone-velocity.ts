import { defineCountRule } from './count-rule';

/** Repeated applications with one phone number (gangs reuse a few SIMs across identities). */
export const PHONE_VELOCITY = defineCountRule({
  code: 'PHONE_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.phoneApps24h',
  window: '24h',
  doc: 'Applications with this phone number, 24 hours',
});
