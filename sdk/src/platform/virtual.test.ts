import { createVirtualPlatform } from './virtual';
import { PROFILES } from './device-profile';
import { seededFill } from './seeded-random';
import { createMemoryStorage } from './memory-storage';

describe('virtual device', () => {
  it('is configured by a profile (farm phone: charging at 100%, proxy, flat sensors)', async () => {
    const p = createVirtualPlatform({ profile: PROFILES.farmPhone });
    expect(await p.probes.battery!()).toEqual({ level: 100, isCharging: true });
    expect(await p.probes.network!()).toMatchObject({ hasSystemProxy: true });
    const xs: number[] = [];
    p.startSensors!((_k, x) => xs.push(x));
    p.emitSensors(10);
    expect(new Set(xs)).toEqual(new Set([0]));
  });

  it('sensor noise is reproducible from the seed', () => {
    const run = (seed: number) => {
      const p = createVirtualPlatform({ seed, profile: { sensorNoise: 0.05 } });
      const xs: number[] = [];
      p.startSensors!((_k, x) => xs.push(x));
      p.emitSensors(5);
      return xs;
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('clock offset shifts the device clock only', () => {
    const p = createVirtualPlatform({ clock: () => 1000, profile: { clockOffsetMs: -500 } });
    expect(p.now()).toBe(500);
  });

  it('counts storage and requests; injectable seeded randomness', async () => {
    const storage = createMemoryStorage();
    const p = createVirtualPlatform({ storage, random: seededFill(1), post: async (url) => ({ url }) });
    p.storage.set('a', '1');
    p.storage.get('a');
    expect(await p.request('/x', {})).toEqual({ url: '/x' });
    expect(p.counters).toMatchObject({ storageWrites: 1, storageReads: 1, requests: 1 });
    const a = new Uint8Array(8);
    const b = new Uint8Array(8);
    createVirtualPlatform({ random: seededFill(1) }).fillRandom(a);
    createVirtualPlatform({ random: seededFill(1) }).fillRandom(b);
    expect(a).toEqual(b);
  });

  it('without a network every request fails; faults can hang or throw a probe', async () => {
    const p = createVirtualPlatform({ faults: { device: 'throw' } });
    await expect(p.request('/x', {})).rejects.toMatchObject({ status: 0 });
    await expect(p.probes.device!()).rejects.toThrow('virtual fault in device');
  });
});
