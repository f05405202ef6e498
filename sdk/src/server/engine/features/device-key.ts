/**
 * The server-side device key. The install id is a random number the client keeps in storage: on
 * its own it is a client claim, and a gang can copy one victim's id onto every farm phone. So the
 * key binds it to the attributes the same install cannot change without becoming another device:
 * hardware tier and screen (mini-program) or the FingerprintJS visitorId (H5). The key changes
 * when storage is cleared (a new install id) — which is what a device farm's "new phone" button
 * does, and what the velocity rules on IP/subnet and identities catch instead.
 */
import { count, prop, text, type Rec } from './read';

/** What the SDK's install-id collector makes: 32 hex characters. Older or other SDKs: any short token. */
const INSTALL_ID = /^[A-Za-z0-9_-]{16,128}$/;

export interface StableAttributes {
  /** Platform adapter kind from the payload: weapp, web, virtual. */
  kind: string | null;
  device: Rec | null;
  window: Rec | null;
  visitorId: string | null;
}

const lower = (x: unknown) => text(x)?.toLowerCase() ?? null;

/**
 * Canonical JSON array of the stable attributes (null where absent). Screen sides are sorted so a
 * phone turned sideways stays the same device; strings are lower-cased and trimmed.
 */
export function stableAttributes(a: StableAttributes): string {
  const w = count(prop(a.window, 'screenWidth'));
  const h = count(prop(a.window, 'screenHeight'));
  const sides = w !== null && h !== null ? [Math.min(w, h), Math.max(w, h)] : [w, h];
  return JSON.stringify([
    a.kind,
    lower(prop(a.device, 'brand')),
    lower(prop(a.device, 'model')),
    lower(prop(a.device, 'system')),
    lower(prop(a.device, 'platform')),
    lower(prop(a.device, 'abi')),
    lower(prop(a.device, 'cpuType')),
    count(prop(a.device, 'memorySize')),
    sides[0],
    sides[1],
    count(prop(a.window, 'pixelRatio')),
    a.visitorId,
  ]);
}

/** The install id when it looks like one, else null (then there is no device key at all). */
export const installIdOf = (x: unknown): string | null => (typeof x === 'string' && INSTALL_ID.test(x) ? x : null);

/** `hash('device', <stable attributes> | <install id>)`, or null without a well-formed install id. */
export function deviceKey(
  a: StableAttributes,
  installId: unknown,
  hash: (kind: string, value: string) => string,
): string | null {
  const id = installIdOf(installId);
  return id === null ? null : hash('device', `${stableAttributes(a)}|${id}`);
}
