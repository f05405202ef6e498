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
  /** Highest sequence number accepted so far (0 before the first token). */
  lastSeq: number;
  /**
   * The customer the session is bound to (PROTOCOL.md §5 step 11): set by the first action token
   * verified for a logged-in customer, never changed afterwards. Absent/null while unbound.
   */
  customerId?: string | null;
}

export interface RiskStore {
  putSession(s: StoredSession): Promise<void>;
  getSession(id: string): Promise<StoredSession | null>;
  /**
   * Atomically: refuse a nonce already seen (REPLAY_NONCE) or seq <= lastSeq (SEQ_REWIND); else record nonce (until keepUntil) and set lastSeq = seq.
   *
   * In SQL, one transaction: `INSERT INTO nonces (session_id, nonce, keep_until) … ON CONFLICT DO NOTHING`
   * (0 rows → REPLAY_NONCE), then `UPDATE sessions SET last_seq = $seq WHERE id = $id AND last_seq < $seq`
   * (0 rows → roll back, SEQ_REWIND). The nonce check comes first so a replayed token reports REPLAY_NONCE.
   */
  commitToken(
    sessionId: string,
    nonce: string,
    seq: number,
    keepUntil: number,
  ): Promise<'ok' | 'REPLAY_NONCE' | 'SEQ_REWIND'>;
  /**
   * Atomically binds the session to `customerId` if it is unbound, and reports whether it is now
   * bound to exactly that customer. In SQL one statement:
   * `UPDATE sessions SET customer_id = COALESCE(customer_id, $c) WHERE id = $id RETURNING customer_id`.
   */
  bindCustomer(sessionId: string, customerId: string): Promise<'ok' | 'SESSION_CUSTOMER_MISMATCH'>;
  /** Deletes sessions with expiresAt <= now and nonces with keepUntil < now. */
  purgeExpired(now: number): Promise<void>;
}
