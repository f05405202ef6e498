import { botdCollector } from './botd';
import { probeContext } from './web-context';

describe('botd collector', () => {
  it('keeps only bot and botKind', async () => {
    const ctx = probeContext({ botd: async () => ({ bot: true, botKind: 'headless_chrome', extra: { x: 1 } }) });
    expect(await botdCollector.run(ctx)).toEqual({ bot: true, botKind: 'headless_chrome' });
  });
  it('propagates failure', async () => {
    await expect(
      botdCollector.run(
        probeContext({
          botd: async () => {
            throw new Error('boom');
          },
        }),
      ),
    ).rejects.toThrow('boom');
  });
});
