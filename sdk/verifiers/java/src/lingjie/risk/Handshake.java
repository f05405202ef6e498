package lingjie.risk;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The server side of the handshake (PROTOCOL.md §3.2–3.3). */
public final class Handshake {
    /** The labels say LJR1 for every suite: §8.1 keeps §3 unchanged, and the suite name is in the info. */
    public static final String LABEL_SESSION_KEYS = "LJR1 session keys";
    public static final String LABEL_KEY_CONFIRMATION = "LJR1 key confirmation";
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;
    private static final List<String> REQUEST_MEMBERS = List.of("v", "suite", "kid", "epk", "nc");

    /** A refused handshake: answer HTTP 400 with {@code code}. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        public final String code;

        Rejected(String code, String message) {
            super("handshake rejected (" + code + "): " + message);
            this.code = code;
        }
    }

    /** The response body and the session to store. */
    public static final class Result {
        public final Map<String, Object> response;
        public final Session session;

        Result(Map<String, Object> response, Session session) {
            this.response = response;
            this.session = session;
        }
    }

    /** The three session keys (macKey ‖ encKey ‖ confirmKey = OKM), split at the suite's key lengths. */
    public static final class Keys {
        public final byte[] macKey;
        public final byte[] encKey;
        public final byte[] confirmKey;

        Keys(Suite suite, byte[] okm) {
            int m = suite.macKeyLength();
            int e = suite.encKeyLength();
            macKey = Bytes.slice(okm, 0, m);
            encKey = Bytes.slice(okm, m, m + e);
            confirmKey = Bytes.slice(okm, m + e, okm.length);
        }
    }

    private Handshake() {}

    /**
     * Handles a POSTed request body (parsed with {@link Json}). {@code random} draws the session id
     * and then the server nonce, in that order (SecureRandom in production; fixed draws for vectors).
     */
    public static Result handle(Object body, Map<String, ServerKey> keys, long now, long sessionTtlMs,
            IntFunction<byte[]> random, RiskStore store) throws Rejected {
        Map<String, Object> req = Json.asObject(body);
        if (req == null || req.size() != REQUEST_MEMBERS.size() || !req.keySet().containsAll(REQUEST_MEMBERS))
            throw new Rejected("MALFORMED", "handshake request must be {v, suite, kid, epk, nc}");
        if (!Double.valueOf(TokenVerifier.PROTOCOL_VERSION).equals(req.get("v"))) throw new Rejected("MALFORMED", "unsupported protocol version");
        if (!(req.get("suite") instanceof String) || ((String) req.get("suite")).length() > 64)
            throw new Rejected("MALFORMED", "bad suite");
        if (!(req.get("kid") instanceof String) || !ServerKey.KEY_ID.matcher((String) req.get("kid")).matches())
            throw new Rejected("MALFORMED", "bad kid");
        if (!(req.get("epk") instanceof String) || ((String) req.get("epk")).length() > 200)
            throw new Rejected("MALFORMED", "bad epk");
        if (!Base64Url.isOfLength(req.get("nc"), 16)) throw new Rejected("MALFORMED", "bad nc");
        String suite = (String) req.get("suite");
        String kid = (String) req.get("kid");
        Suite cipher = Suites.allowed(keys, suite);
        if (cipher == null) throw new Rejected("SUITE_UNSUPPORTED", "suite " + suite + " not allowed");
        ServerKey key = keys.get(kid);
        if (key == null) throw new Rejected("KEY_UNKNOWN", "key " + kid + " not configured");
        if (!key.isActive(now)) throw new Rejected("KEY_RETIRED", "key " + kid + " retired");
        if (key.suite != cipher)
            throw new Rejected("SUITE_UNSUPPORTED", "key " + kid + " is for suite " + key.suite.name());
        byte[] epk;
        byte[] shared;
        try {
            epk = Base64Url.decode((String) req.get("epk"));
            if (epk.length != cipher.publicKeyLength()) throw new IllegalArgumentException("wrong epk length");
            shared = cipher.sharedSecret(key.privateKey, epk);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new Rejected("MALFORMED", "bad epk: " + e.getMessage());
        }
        String sid = Base64Url.encode(random.apply(16));
        byte[] ns = random.apply(16);
        byte[] nc = Base64Url.decode((String) req.get("nc"));
        long st = now;
        long exp = Math.min(now + sessionTtlMs, key.notAfter != null ? key.notAfter : MAX_SAFE_INTEGER);
        Keys k = deriveKeys(cipher, shared, kid, sid, epk, key.publicKey, nc, ns);
        byte[] kc = cipher.mac(k.confirmKey, confirmationTranscript(suite, kid, sid, epk, nc, ns, st, exp));
        Session session = new Session(sid, kid, Base64Url.encode(k.macKey), Base64Url.encode(k.encKey), st, exp, 0);
        store.putSession(session);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("v", (double) TokenVerifier.PROTOCOL_VERSION);
        response.put("suite", suite);
        response.put("kid", kid);
        response.put("sid", sid);
        response.put("ns", Base64Url.encode(ns));
        response.put("st", (double) st);
        response.put("exp", (double) exp);
        response.put("kc", Base64Url.encode(kc));
        return new Result(response, session);
    }

    /**
     * §3.2 step 5: HKDF(shared, nc ‖ ns, LP(label, suite, kid, sid, epk, spk), L) with the suite's
     * HMAC and L = 2 · macKeyLength + encKeyLength (96 for LJR1, 80 for LJG1).
     */
    public static Keys deriveKeys(Suite suite, byte[] shared, String kid, String sid, byte[] epk, byte[] spk,
            byte[] nc, byte[] ns) {
        byte[] info = Bytes.lengthPrefixed(Bytes.ascii(LABEL_SESSION_KEYS), Bytes.ascii(suite.name()),
            Bytes.ascii(kid), Bytes.ascii(sid), epk, spk);
        int length = 2 * suite.macKeyLength() + suite.encKeyLength();
        return new Keys(suite, suite.hkdf(shared, Bytes.concat(nc, ns), info, length));
    }

    /** §3.2 step 6: the key-confirmation transcript. */
    public static byte[] confirmationTranscript(String suite, String kid, String sid, byte[] epk, byte[] nc,
            byte[] ns, long st, long exp) {
        return Bytes.lengthPrefixed(Bytes.ascii(LABEL_KEY_CONFIRMATION), Bytes.ascii(suite), Bytes.ascii(kid),
            Bytes.ascii(sid), epk, nc, ns, Bytes.u64(st), Bytes.u64(exp));
    }
}
