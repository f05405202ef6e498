import { flagRule } from './flag-rule';

/**
 * DEVICE_PROXY: a system proxy is configured. Interception tools (Charles, whistle) need one — and
 * so do corporate networks, so this is weight, never a verdict on its own.
 */
export const proxyRule = flagRule({
  code: 'DEVICE_PROXY',
  version: 1,
  category: 'device',
  feature: 'device.proxy',
  scope: 'miniProgram',
  evidence: ['device.networkType'],
  doc: 'A system proxy is configured (interception tools; also corporate networks)',
});
