/**
 * Reads the few device facts the plain credit policy looks at from a verified action token's
 * payload (`{device: {<signal>: {value} | {error}}}` from the SDK). Defensive: any missing piece is
 * simply "not flagged". The SDK's risk engine will replace this with its full feature set.
 */
export interface DeviceFlags {
  debug: boolean;
  proxy: boolean;
  desktopOrDevtools: boolean;
  automation: boolean;
}

function valueOf(device: Record<string, unknown>, signal: string): Record<string, unknown> | null {
  const r = device[signal] as { value?: unknown } | undefined;
  return r && typeof r.value === 'object' && r.value !== null ? (r.value as Record<string, unknown>) : null;
}

export function deviceFlags(payload: unknown): DeviceFlags {
  const device = ((payload as { device?: unknown } | null)?.device ?? {}) as Record<string, unknown>;
  const platform = String(valueOf(device, 'device')?.platform ?? '');
  const webdriver = (device.webdriver as { value?: unknown } | undefined)?.value;
  return {
    debug: valueOf(device, 'appBase')?.enableDebug === true,
    proxy: valueOf(device, 'network')?.hasSystemProxy === true,
    desktopOrDevtools: ['windows', 'mac', 'devtools'].includes(platform),
    automation: webdriver === true,
  };
}
