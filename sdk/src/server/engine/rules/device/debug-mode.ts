import { flagRule } from './flag-rule';

/** DEVICE_DEBUG_MODE: WeChat debug mode (vConsole) on — common in request-tampering setups, rare for customers. */
export const debugModeRule = flagRule({
  code: 'DEVICE_DEBUG_MODE',
  version: 1,
  category: 'device',
  feature: 'device.debug',
  scope: 'miniProgram',
  doc: 'WeChat debug mode (enableDebug / vConsole) is on',
});
