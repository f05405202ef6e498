import type { StoredSession } from '@lingjie/risk-sdk/server';

/**
 * In-process cache of decrypted risk sessions for the SQL store (issue #11): the keys and expiry of
 * a session are fixed at the handshake, so reading them from SQL and opening the sealed secrets on
 * every token is wasted work. Bounded (least recently used goes first); an entry is dropped at its
 * expiry and when `usable` says no (its server key was rotated out). `lastSeq` here is only what
 * this process has seen — the database decides every claim — and `customerId` is cached only once
 * set, because a binding never changes afterwards.
 */
export interface SessionCache {
  /** A copy of the live entry, or undefined (absent, expired, or its key is gone). */
  get(id: string): StoredSession | undefined;
  put(s: StoredSession): void;
  forget(id: string): void;
  /** The bound customer if known here; undefined means "ask the database". */
  customerOf(id: string): string | undefined;
  bound(id: string, customerId: string): void;
  advanced(id: string, seq: number): void;
  /** Drops entries expired at `now`. */
  purge(now: number): void;
  size(): number;
}

export function createSessionCache(opts: {
  maxSize: number;
  clock: () => number;
  usable: (s: StoredSession) => boolean;
}): SessionCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, StoredSession>();
  const live = (id: string): StoredSession | undefined => {
    const s = entries.get(id);
    if (!s) return undefined;
    if (s.expiresAt <= opts.clock() || !opts.usable(s)) {
      entries.delete(id);
      return undefined;
    }
    return s;
  };
  return {
    get(id) {
      const s = live(id);
      if (!s) return undefined;
      entries.delete(id);
      entries.set(id, s);
      return { ...s };
    },
    put(s) {
      if (opts.maxSize <= 0 || s.expiresAt <= opts.clock()) return;
      entries.delete(s.id);
      entries.set(s.id, { ...s, customerId: s.customerId ?? null });
      while (entries.size > opts.maxSize) entries.delete(entries.keys().next().value as string);
    },
    forget(id) {
      entries.delete(id);
    },
    customerOf(id) {
      return live(id)?.customerId ?? undefined;
    },
    bound(id, customerId) {
      const s = entries.get(id);
      if (s) s.customerId = customerId;
    },
    advanced(id, seq) {
      const s = entries.get(id);
      if (s && seq > s.lastSeq) s.lastSeq = seq;
    },
    purge(now) {
      for (const [id, s] of entries) if (s.expiresAt <= now) entries.delete(id);
    },
    size: () => entries.size,
  };
}
