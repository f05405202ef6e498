import { deviceCollector } from './device';
import { virtualContext } from './test-context';

describe('device collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({
      profile: {
        brand: 'Xiaomi',
        model: 'M1',
        platform: 'android',
        system: 'Android 14',
        abi: 'arm64-v8a',
        benchmarkLevel: 30,
        cpuType: 'sm8650',
        memorySize: 8192,
      },
    });
    const value = await deviceCollector.run(ctx);
    expect(value).toEqual({
      brand: 'Xiaomi',
      model: 'M1',
      platform: 'android',
      system: 'Android 14',
      abi: 'arm64-v8a',
      benchmarkLevel: 30,
      cpuType: 'sm8650',
      memorySize: 8192,
    });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { device: 'throw' } });
    await expect(Promise.resolve().then(() => deviceCollector.run(ctx))).rejects.toThrow('virtual fault in device');
  });

  it('declares its signal and probe', () => {
    expect(deviceCollector.signal).toBe('device');
    expect(deviceCollector.probe).toBe('device');
  });
});
