import { fingerprintCollector } from './fingerprint';
import { probeContext } from './web-context';

describe('fingerprint collector', () => {
  it('returns the probe result (visitorId + components)', async () => {
    const v = { visitorId: 'abc', confidence: 0.6, components: { platform: 'MacIntel' } };
    expect(await fingerprintCollector.run(probeContext({ fingerprint: async () => v }))).toEqual(v);
  });
  it('propagates failure', async () => {
    await expect(
      fingerprintCollector.run(
        probeContext({
          fingerprint: async () => {
            throw new Error('no canvas');
          },
        }),
      ),
    ).rejects.toThrow('no canvas');
  });
});
