import { batteryCollector } from './battery';
import { virtualContext } from './test-context';

describe('battery collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({ profile: { battery: { level: 100, charging: true } } });
    const value = await batteryCollector.run(ctx);
    expect(value).toEqual({ level: 100, isCharging: true });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { battery: 'throw' } });
    await expect(Promise.resolve().then(() => batteryCollector.run(ctx))).rejects.toThrow('virtual fault in battery');
  });

  it('declares its signal and probe', () => {
    expect(batteryCollector.signal).toBe('battery');
    expect(batteryCollector.probe).toBe('battery');
  });
});
