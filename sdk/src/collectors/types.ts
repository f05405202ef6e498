import type { Platform, ProbeName } from '../platform/types';
import type { SdkStorage } from '../platform/sdk-storage';

/** FingerprintJS-style result: a value or an error, always with how long it took (ms). */
export type CollectorResult<T = unknown> = { value: T; duration: number } | { error: string; duration: number };

export type Snapshot = Record<string, CollectorResult>;

export interface CollectorContext {
  platform: Platform;
  storage: SdkStorage;
  /** 16 random bytes from the CSPRNG pool, hex (for the install id). */
  randomId(): string;
  /** Server time minus device time (ms) measured at the handshake, or null before one. */
  clockOffset(): number | null;
}

export interface Collector<T = unknown> {
  /** Must be declared in the manifest; the runner refuses it otherwise. */
  signal: string;
  /** The platform probe it needs; collectors whose probe the platform lacks are skipped. */
  probe?: ProbeName;
  run(ctx: CollectorContext): T | Promise<T>;
}

export const CollectorError = {
  notDeclared: 'NOT_DECLARED',
  timeout: 'TIMEOUT',
  deadline: 'DEADLINE',
  unsupported: 'UNSUPPORTED',
} as const;
