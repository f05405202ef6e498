import { launchCollector } from './launch';
import { virtualContext } from './test-context';

describe('launch collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({ profile: { launch: { scene: 1045, channel: 'partner-x' } } });
    const value = await launchCollector.run(ctx);
    expect(value).toEqual({ scene: 1045, channel: 'partner-x' });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { launch: 'throw' } });
    await expect(Promise.resolve().then(() => launchCollector.run(ctx))).rejects.toThrow('virtual fault in launch');
  });

  it('declares its signal and probe', () => {
    expect(launchCollector.signal).toBe('launch');
    expect(launchCollector.probe).toBe('launch');
  });
});
