import { systemSettingCollector } from './system-setting';
import { virtualContext } from './test-context';

describe('systemSetting collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({ profile: { network: { type: '4g', signalStrength: 2, proxy: false } } });
    const value = await systemSettingCollector.run(ctx);
    expect(value).toEqual({
      bluetoothEnabled: true,
      locationEnabled: true,
      wifiEnabled: false,
      deviceOrientation: 'portrait',
    });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { systemSetting: 'throw' } });
    await expect(Promise.resolve().then(() => systemSettingCollector.run(ctx))).rejects.toThrow(
      'virtual fault in systemSetting',
    );
  });

  it('declares its signal and probe', () => {
    expect(systemSettingCollector.signal).toBe('systemSetting');
    expect(systemSettingCollector.probe).toBe('systemSetting');
  });
});
