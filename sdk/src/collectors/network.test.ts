import { networkCollector } from './network';
import { virtualContext } from './test-context';

describe('network collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({ profile: { network: { type: 'wifi', signalStrength: 4, proxy: true } } });
    const value = await networkCollector.run(ctx);
    expect(value).toEqual({ networkType: 'wifi', signalStrength: 4, hasSystemProxy: true });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { network: 'throw' } });
    await expect(Promise.resolve().then(() => networkCollector.run(ctx))).rejects.toThrow('virtual fault in network');
  });

  it('declares its signal and probe', () => {
    expect(networkCollector.signal).toBe('network');
    expect(networkCollector.probe).toBe('network');
  });
});
