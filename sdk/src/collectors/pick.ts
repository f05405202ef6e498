/**
 * Keep only the named keys whose values are primitives. Platform APIs return more than we declare
 * (and sometimes nested objects); data minimisation means we send only what the manifest names.
 */
export function pick(source: unknown, keys: readonly string[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (source === null || typeof source !== 'object') return out;
  const rec = source as Record<string, unknown>;
  for (const k of keys) {
    const v = rec[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}
