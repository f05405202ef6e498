import { clockOffsetCollector } from './clock-offset';
import { virtualContext } from './test-context';

describe('clockOffset collector', () => {
  it('reports the raw device clock and the handshake offset', async () => {
    const ctx = virtualContext({ clock: () => 1_700_000_000_000, profile: { clockOffsetMs: -3_600_000 } }, 3_600_012);
    expect(await clockOffsetCollector.run(ctx)).toEqual({ deviceTime: 1_699_996_400_000, offsetMs: 3_600_012 });
  });

  it('reports a null offset before any handshake', async () => {
    const ctx = virtualContext({ clock: () => 5 });
    expect(await clockOffsetCollector.run(ctx)).toEqual({ deviceTime: 5, offsetMs: null });
  });
});
