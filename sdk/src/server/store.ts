/**
 * Session/replay state behind one interface: in-memory here (`createMemoryStore`), SQL in the
 * sandbox backend, Redis for several instances. Keep this shape stable; other packages implement it.
 */

/** One handshake's state. Key material is base64url; treat rows as secrets (encrypt at rest in SQL). */
export interface StoredSession {
  /** Session id (base64url of 16 random bytes). */
  id: string;
  /** Server static key the session was established with (for rotation). */
  keyId: string;
  /** HMAC key, base64url. */
  macKey: string;
  /** AES key, base64url. */
  encKey: string;
  /** Server time of the handshake, Unix ms. */
  createdAt: number;
  /** Server time after which tokens are refused with SESSION_EXPIRED, Unix ms. */
  expiresAt: number;
  /**
   * Highest sequence number accepted so far (0 before the first token). A store that caches
   * sessions in process may answer a stale (lower) value here; `commitToken` alone decides.
   */
  lastSeq: number;
  /**
   * The customer the session is bound to (PROTOCOL.md §5 step 11): set by the first action token
   * verified for a logged-in customer, never changed afterwards. Absent/null while unbound.
   */
  customerId?: string | null;
}

/**
 * A verified token's claim on its session's replay state — what `commitToken` records. Handed to
 * the caller instead of recorded when it verifies with `deferClaim` (PROTOCOL.md §5, deferred claim).
 */
export interface TokenClaim {
  sessionId: string;
  nonce: string;
  seq: number;
  /** Keep the nonce until this server time, Unix ms (the token's ts + the allowed skew). */
  keepUntil: number;
}

/** What claiming a token answers: recorded, or refused with the reason. */
export type ClaimOutcome = 'ok' | 'REPLAY_NONCE' | 'SEQ_REWIND';

export interface RiskStore {
  putSession(s: StoredSession): Promise<void>;
  getSession(id: string): Promise<StoredSession | null>;
  /**
   * Atomically: refuse a nonce already seen (REPLAY_NONCE) or seq <= lastSeq (SEQ_REWIND); else record nonce (until keepUntil) and set lastSeq = seq.
   *
   * In SQL, one statement: `UPDATE sessions SET last_seq = $seq WHERE id = $id AND last_seq < $seq AND
   * nonce unseen`, and insert the nonce only if that advanced (a refused token leaves no trace); claims
   * of distinct sessions may be grouped into one multi-row statement, each answered after it committed.
   * The nonce check comes first so a replayed token reports REPLAY_NONCE. Must hit the shared state:
   * this is what refuses a token another instance already accepted.
   */
  commitToken(sessionId: string, nonce: string, seq: number, keepUntil: number): Promise<ClaimOutcome>;
  /**
   * Atomically binds the session to `customerId` if it is unbound, and reports whether it is now
   * bound to exactly that customer. In SQL one statement:
   * `UPDATE sessions SET customer_id = COALESCE(customer_id, $c) WHERE id = $id RETURNING customer_id`.
   * A binding never changes once set, so a store may answer from a cached *bound* customer; an
   * unbound (or uncached) session must go to the shared state.
   */
  bindCustomer(sessionId: string, customerId: string): Promise<'ok' | 'SESSION_CUSTOMER_MISMATCH'>;
  /** Deletes sessions with expiresAt <= now and nonces with keepUntil < now. */
  purgeExpired(now: number): Promise<void>;
}
