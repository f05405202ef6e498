import { defineCountRule } from './count-rule';

/**
 * Applications from one IP address. Weak on its own: genuine owners share addresses behind an office
 * NAT, a corporate VPN or a carrier-grade NAT, so its weight only adds to stronger signals.
 */
export const IP_VELOCITY = defineCountRule({
  code: 'IP_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.ipApps1h',
  window: '1h',
  doc: 'Applications from this IP address, 1 hour',
});
