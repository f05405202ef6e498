import { headlessCollector } from './headless';
import { probeContext } from './web-context';

describe('headless collector', () => {
  it('keeps the declared traits only', async () => {
    const traits = {
      uaHeadless: true,
      noPlugins: true,
      noLanguages: false,
      noChromeObject: true,
      zeroOuterSize: false,
      notificationDeniedDefault: false,
      hardwareConcurrency: 2,
    };
    const ctx = probeContext({ headless: () => ({ ...traits, userAgent: 'should not travel' }) });
    expect(await headlessCollector.run(ctx)).toEqual(traits);
  });
});
