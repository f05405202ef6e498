import type { KeyValueStorage } from './types';

/** Every key the SDK writes starts with this, so withdrawal can clear exactly the SDK's data. */
export const STORAGE_PREFIX = 'ljr:';

/** The SDK's namespaced view of platform storage. JSON in, JSON out; corrupt entries read as null. */
export interface SdkStorage {
  getJson<T>(key: string): T | null;
  setJson(key: string, value: unknown): void;
  remove(key: string): void;
  /** Remove every SDK key (withdrawal). */
  clearAll(): void;
}

export function createSdkStorage(storage: KeyValueStorage): SdkStorage {
  return {
    getJson<T>(key: string): T | null {
      const raw = storage.get(STORAGE_PREFIX + key);
      if (raw === null || raw === undefined || raw === '') return null;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return null; // a torn write after an app kill must not brick the SDK
      }
    },
    setJson: (key, value) => storage.set(STORAGE_PREFIX + key, JSON.stringify(value)),
    remove: (key) => storage.remove(STORAGE_PREFIX + key),
    clearAll() {
      for (const k of storage.keys()) if (k.startsWith(STORAGE_PREFIX)) storage.remove(k);
    },
  };
}
