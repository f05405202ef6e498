export type {
  Platform,
  PlatformProbes,
  ProbeName,
  KeyValueStorage,
  InfoRecord,
  SensorKind,
  SensorListener,
} from './types';
export { createMemoryStorage, type MemoryStorage } from './memory-storage';
export { RequestError } from './request-error';
export { STORAGE_PREFIX } from './sdk-storage';
