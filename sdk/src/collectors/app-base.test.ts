import { appBaseCollector } from './app-base';
import { virtualContext } from './test-context';

describe('appBase collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({ profile: { debug: true, wechatVersion: '8.0.49', sdkVersion: '3.4.0' } });
    const value = await appBaseCollector.run(ctx);
    expect(value).toEqual({
      SDKVersion: '3.4.0',
      version: '8.0.49',
      language: 'zh_CN',
      fontSizeSetting: 17,
      enableDebug: true,
      hostEnv: 'WeChat',
    });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { appBase: 'throw' } });
    await expect(Promise.resolve().then(() => appBaseCollector.run(ctx))).rejects.toThrow('virtual fault in appBase');
  });

  it('declares its signal and probe', () => {
    expect(appBaseCollector.signal).toBe('appBase');
    expect(appBaseCollector.probe).toBe('appBase');
  });
});
