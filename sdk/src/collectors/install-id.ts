import type { Collector } from './types';

export const INSTALL_ID_KEY = 'installId';

/**
 * A random 128-bit id created on first collection after consent and kept in SDK storage. It is
 * not derived from hardware, so clearing storage (or withdrawing consent) resets it.
 */
export const installIdCollector: Collector<{ id: string; fresh: boolean }> = {
  signal: 'installId',
  run(ctx) {
    const existing = ctx.storage.getJson<string>(INSTALL_ID_KEY);
    if (typeof existing === 'string' && /^[0-9a-f]{32}$/.test(existing)) return { id: existing, fresh: false };
    const id = ctx.randomId();
    ctx.storage.setJson(INSTALL_ID_KEY, id);
    return { id, fresh: true };
  },
};
