import { defineCountRule } from './count-rule';

/** Many applications from one device: a farm phone cycling identities. */
export const DEVICE_VELOCITY = defineCountRule({
  code: 'DEVICE_VELOCITY',
  version: 1,
  category: 'velocity',
  feature: 'velocity.deviceApps24h',
  window: '24h',
  doc: 'Applications from this device, 24 hours',
});
