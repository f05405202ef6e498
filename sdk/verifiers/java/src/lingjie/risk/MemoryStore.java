package lingjie.risk;

import java.util.HashMap;
import java.util.Map;

/** In-process {@link RiskStore} for one verifier instance and for the test vectors. */
public final class MemoryStore implements RiskStore {
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Map<String, Long>> nonces = new HashMap<>();

    @Override
    public synchronized void putSession(Session s) {
        Session copy = new Session(s.id, s.keyId, s.macKey, s.encKey, s.createdAt, s.expiresAt, s.lastSeq);
        copy.customerId = s.customerId;
        sessions.put(s.id, copy);
        nonces.putIfAbsent(s.id, new HashMap<>());
    }

    @Override
    public synchronized Session getSession(String id) {
        return sessions.get(id);
    }

    @Override
    public synchronized Commit commitToken(String sessionId, String nonce, long seq, long keepUntil) {
        Session s = sessions.get(sessionId);
        if (s == null) throw new IllegalStateException("unknown session " + sessionId);
        Map<String, Long> seen = nonces.computeIfAbsent(sessionId, k -> new HashMap<>());
        if (seen.containsKey(nonce)) return Commit.REPLAY_NONCE;
        if (seq <= s.lastSeq) return Commit.SEQ_REWIND;
        seen.put(nonce, keepUntil);
        s.lastSeq = seq;
        return Commit.OK;
    }

    @Override
    public synchronized boolean bindCustomer(String sessionId, String customerId) {
        Session s = sessions.get(sessionId);
        if (s == null) throw new IllegalStateException("unknown session " + sessionId);
        if (s.customerId == null) s.customerId = customerId;
        return s.customerId.equals(customerId);
    }
}
