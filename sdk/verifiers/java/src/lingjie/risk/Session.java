package lingjie.risk;

/** A verifier session (PROTOCOL.md §3.2 step 7). The keys are secrets: store the row as one. */
public final class Session {
    public final String id;
    public final String keyId;
    /** base64url, 32 bytes. */
    public final String macKey;
    /** base64url, 32 bytes. */
    public final String encKey;
    public final long createdAt;
    public final long expiresAt;
    public long lastSeq;
    /** The customer the session is bound to (PROTOCOL.md §5 step 11), or {@code null} while unbound. */
    public String customerId;

    public Session(String id, String keyId, String macKey, String encKey, long createdAt, long expiresAt, long lastSeq) {
        this.id = id;
        this.keyId = keyId;
        this.macKey = macKey;
        this.encKey = encKey;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastSeq = lastSeq;
    }
}
