import { timezoneCollector } from './timezone';
import { virtualContext } from './test-context';

describe('timezone collector', () => {
  it('uses the platform probe when present', async () => {
    const ctx = virtualContext({ profile: { timezone: { timeZone: 'America/New_York', offsetMinutes: -300 } } });
    expect(await timezoneCollector.run(ctx)).toEqual({ timeZone: 'America/New_York', offsetMinutes: -300 });
  });

  it('falls back to Intl and the device clock without a probe', async () => {
    const ctx = virtualContext();
    delete ctx.platform.probes.timezone;
    const v = await timezoneCollector.run(ctx);
    expect(typeof v.timeZone).toBe('string');
    expect(v.offsetMinutes).toBe(-new Date(ctx.platform.now()).getTimezoneOffset());
  });
});
