/** In-process `RiskStore` for a single Node instance, tests and the simulator. Not shared across processes. */
import type { RiskStore, StoredSession } from './store';

export interface MemoryStore extends RiskStore {
  /** Number of sessions and remembered nonces, for tests and metrics. */
  size(): { sessions: number; nonces: number };
}

export function createMemoryStore(): MemoryStore {
  const sessions = new Map<string, StoredSession>();
  const nonces = new Map<string, Map<string, number>>();

  return {
    async putSession(s) {
      sessions.set(s.id, { ...s });
      if (!nonces.has(s.id)) nonces.set(s.id, new Map());
    },
    async getSession(id) {
      const s = sessions.get(id);
      return s ? { ...s } : null;
    },
    // No await inside: JS runs this to completion, which is what makes it atomic in one process.
    async commitToken(sessionId, nonce, seq, keepUntil) {
      const s = sessions.get(sessionId);
      if (!s) throw new Error(`memory store: unknown session ${sessionId}`);
      let seen = nonces.get(sessionId);
      if (!seen) nonces.set(sessionId, (seen = new Map()));
      if (seen.has(nonce)) return 'REPLAY_NONCE';
      if (seq <= s.lastSeq) return 'SEQ_REWIND';
      seen.set(nonce, keepUntil);
      s.lastSeq = seq;
      return 'ok';
    },
    async bindCustomer(sessionId, customerId) {
      const s = sessions.get(sessionId);
      if (!s) throw new Error(`memory store: unknown session ${sessionId}`);
      s.customerId ??= customerId;
      return s.customerId === customerId ? 'ok' : 'SESSION_CUSTOMER_MISMATCH';
    },
    async purgeExpired(now) {
      for (const [id, s] of sessions) {
        if (s.expiresAt <= now) {
          sessions.delete(id);
          nonces.delete(id);
        }
      }
      for (const seen of nonces.values()) {
        for (const [n, until] of seen) if (until < now) seen.delete(n);
      }
    },
    size() {
      let n = 0;
      for (const seen of nonces.values()) n += seen.size;
      return { sessions: sessions.size, nonces: n };
    },
  };
}
