package lingjie.risk;

/**
 * The verifier's state (PROTOCOL.md §10). Several verifier instances must share one store, or
 * replays across instances go unnoticed; in SQL, {@link #commitToken} is one transaction (insert the
 * nonce ON CONFLICT DO NOTHING, then UPDATE … SET last_seq = seq WHERE id = ? AND last_seq < seq).
 */
public interface RiskStore {
    enum Commit { OK, REPLAY_NONCE, SEQ_REWIND }

    void putSession(Session session);

    /** The session, or {@code null} if unknown. */
    Session getSession(String id);

    /** Atomically: refuse a seen nonce, then a seq not above the last; else record both. */
    Commit commitToken(String sessionId, String nonce, long seq, long keepUntil);

    /**
     * Atomically binds the session to {@code customerId} if it is unbound; true if it is now bound to
     * exactly that customer. In SQL: UPDATE … SET customer_id = COALESCE(customer_id, ?) WHERE id = ? RETURNING customer_id.
     */
    boolean bindCustomer(String sessionId, String customerId);
}
