import { defineCountRule } from './count-rule';

/** One resident ID applying from many devices: a stolen or rented identity tried across a farm. Owners change phones and use PC WeChat, so 2–3 is normal. */
export const IDENTITY_MANY_DEVICES = defineCountRule({
  code: 'IDENTITY_MANY_DEVICES',
  version: 1,
  category: 'identity',
  feature: 'graph.identityDevices7d',
  window: '7d',
  doc: 'Distinct devices used by this resident ID, 7 days',
});
