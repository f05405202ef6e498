import { windowCollector } from './window';
import { virtualContext } from './test-context';

describe('window collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({
      profile: { screen: { width: 400, height: 800, pixelRatio: 2.5, statusBarHeight: 30 } },
    });
    const value = await windowCollector.run(ctx);
    expect(value).toEqual({
      pixelRatio: 2.5,
      screenWidth: 400,
      screenHeight: 800,
      windowWidth: 400,
      windowHeight: 770,
      statusBarHeight: 30,
    });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { window: 'throw' } });
    await expect(Promise.resolve().then(() => windowCollector.run(ctx))).rejects.toThrow('virtual fault in window');
  });

  it('declares its signal and probe', () => {
    expect(windowCollector.signal).toBe('window');
    expect(windowCollector.probe).toBe('window');
  });
});
