/**
 * Virtual devices for a population: a profile from the SDK's PROFILES (one name, or drawn from a
 * list), the scenario's overrides, the population's launch channel, and — for a phone in a
 * person's hand — the small differences real phones have (battery, network, how much the hand
 * shakes). Rack phones and emulators are left exactly as their profile says.
 */
import { PROFILES, type DeviceProfile, type VirtualPlatformOptions } from '@lingjie/risk-sdk/virtual';
import type { Rng } from '../random';
import type { PopulationFile } from '../scenario/schema';

type Storage = NonNullable<VirtualPlatformOptions['storage']>;

/** One physical phone; journeys on it reuse its storage (install id, launch count), one at a time. */
export interface Device {
  id: string;
  profile: DeviceProfile;
  storage: Storage;
  /** Seed of this device's CSPRNG and sensor noise; each journey derives its own from it. */
  seed: number;
  /** Source address when the IP pool gives one per device (own, farm-subnet). */
  ip: string | null;
  /** Journeys that ran on it so far. */
  journeys: number;
  /** Extra device-clock shift set during a journey (a clock moved after the handshake). */
  clockShiftMs: number;
}

export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, String(v)),
    remove: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  };
}

const NESTED = new Set(['screen', 'battery', 'network', 'launch', 'timezone']);

/** Profile + overrides, nested objects merged one level deep. */
export function applyOverrides(base: DeviceProfile, overrides: Record<string, unknown> = {}): DeviceProfile {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    out[key] =
      NESTED.has(key) && value && typeof value === 'object'
        ? { ...(base as unknown as Record<string, object>)[key], ...(value as object) }
        : value;
  }
  return out as unknown as DeviceProfile;
}

/** A handheld phone (noise > 0): everyday variety unless the scenario pinned the field. */
function everyday(profile: DeviceProfile, pinned: Record<string, unknown>, rng: Rng): DeviceProfile {
  if (profile.sensorNoise === 0) return profile;
  const p = { ...profile };
  if (!('battery' in pinned)) {
    const charging = rng.chance(0.15);
    p.battery = { level: charging ? rng.int(20, 99) : rng.int(12, 96), charging };
  }
  if (!('network' in pinned)) {
    p.network = { ...p.network, type: rng.pick(['wifi', 'wifi', '4g', '5g']), signalStrength: rng.int(2, 4) };
  }
  if (!('sensorNoise' in pinned)) p.sensorNoise = Math.round(rng.between(0.012, 0.05) * 1000) / 1000;
  return p;
}

export function createDevices(pop: PopulationFile, count: number, rng: Rng): Device[] {
  const names = Array.isArray(pop.device.profile) ? pop.device.profile : [pop.device.profile];
  const pinned = pop.device.overrides ?? {};
  return Array.from({ length: count }, (_, i) => {
    const base = PROFILES[rng.pick(names) as keyof typeof PROFILES] as DeviceProfile;
    let profile = applyOverrides(base, pinned);
    profile = { ...profile, launch: { scene: pop.scene ?? profile.launch.scene, channel: pop.channel } };
    profile = everyday(profile, pinned, rng);
    return {
      id: `${pop.name}#${i + 1}`,
      profile,
      storage: memoryStorage(),
      seed: rng.fork(`device-${i}`).seed,
      ip: null,
      journeys: 0,
      clockShiftMs: 0,
    };
  });
}
