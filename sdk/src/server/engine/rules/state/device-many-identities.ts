import { defineCountRule } from './count-rule';

/** An intermediary filling forms for many people on one phone: strong once past a household. */
export const DEVICE_MANY_IDENTITIES = defineCountRule({
  code: 'DEVICE_MANY_IDENTITIES',
  version: 1,
  category: 'identity',
  feature: 'graph.deviceIdentities7d',
  window: '7d',
  doc: 'Distinct resident IDs seen on this device, 7 days',
});
