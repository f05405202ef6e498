import type { KeyValueStorage } from './types';

/** In-memory storage with write/read counters, so tests can prove "nothing stored before consent". */
export interface MemoryStorage extends KeyValueStorage {
  readonly counters: { reads: number; writes: number; removes: number };
  /** A copy of the contents (for assertions; never used by the SDK). */
  dump(): Record<string, string>;
}

export function createMemoryStorage(initial?: Record<string, string>): MemoryStorage {
  const data = new Map<string, string>(Object.entries(initial ?? {}));
  const counters = { reads: 0, writes: 0, removes: 0 };
  return {
    counters,
    get(key) {
      counters.reads++;
      return data.has(key) ? (data.get(key) as string) : null;
    },
    set(key, value) {
      counters.writes++;
      data.set(key, String(value));
    },
    remove(key) {
      counters.removes++;
      data.delete(key);
    },
    keys: () => [...data.keys()],
    dump: () => Object.fromEntries(data),
  };
}
