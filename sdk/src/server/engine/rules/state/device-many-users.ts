import { defineCountRule } from './count-rule';

/** Several customer accounts on one device (a second WeChat account is possible; more is a farm or an intermediary). */
export const DEVICE_MANY_USERS = defineCountRule({
  code: 'DEVICE_MANY_USERS',
  version: 1,
  category: 'identity',
  feature: 'graph.deviceUsers7d',
  window: '7d',
  doc: 'Distinct customers logged in on this device, 7 days',
});
