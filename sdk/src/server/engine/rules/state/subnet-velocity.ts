import { defineCountRule } from './count-rule';

/** Applications from one /24 (or IPv6 /48). Weaker still than the IP: a carrier NAT pool or a VPN exit spans a /24. */
export const SUBNET_VELOCITY = defineCountRule({
  code: 'SUBNET_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.subnetApps1h',
  window: '1h',
  doc: 'Applications from this /24 subnet, 1 hour',
});
