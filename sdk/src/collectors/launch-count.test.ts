import { bumpLaunchCount, launchCountCollector } from './launch-count';
import { virtualContext } from './test-context';
import { createMemoryStorage } from '../platform/memory-storage';

describe('launchCount collector', () => {
  it('reads 0 before any launch, then the bumped count', async () => {
    const storage = createMemoryStorage();
    const ctx = virtualContext({ storage });
    expect(await launchCountCollector.run(ctx)).toBe(0);
    bumpLaunchCount(ctx.storage);
    bumpLaunchCount(ctx.storage);
    expect(await launchCountCollector.run(virtualContext({ storage }))).toBe(2);
  });

  it('recovers from a torn write', () => {
    const ctx = virtualContext({ storage: createMemoryStorage({ 'ljr:launchCount': '{"trunc' }) });
    expect(bumpLaunchCount(ctx.storage)).toBe(1);
  });
});
