import { installIdCollector } from './install-id';
import { virtualContext } from './test-context';
import { createMemoryStorage } from '../platform/memory-storage';

describe('installId collector', () => {
  it('creates a random id once and then reuses it', async () => {
    const storage = createMemoryStorage();
    const a = await installIdCollector.run(virtualContext({ storage }));
    const b = await installIdCollector.run(virtualContext({ storage }));
    expect(a.fresh).toBe(true);
    expect(b).toEqual({ id: a.id, fresh: false });
    expect(Object.keys(storage.dump())).toEqual(['ljr:installId']);
  });

  it('replaces a corrupt stored id', async () => {
    const storage = createMemoryStorage({ 'ljr:installId': '"not-hex"' });
    const r = await installIdCollector.run(virtualContext({ storage }));
    expect(r.fresh).toBe(true);
    expect(r.id).toMatch(/^[0-9a-f]{32}$/);
  });
});
