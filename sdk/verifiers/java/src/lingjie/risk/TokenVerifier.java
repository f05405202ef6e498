package lingjie.risk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Token verification in the order PROTOCOL.md §5 fixes, stopping at the first failure:
 * parse → version & suite → session & expiry → MAC (constant time) → timestamp window →
 * nonce unseen & seq increasing (one store operation) → decrypt → payload schema → business binding.
 * Nothing is decrypted before the MAC check passes.
 */
public final class TokenVerifier {
    public static final int MAX_TOKEN_LENGTH = 256 * 1024;
    /** Protocol version sealed and accepted (v2: bh binds method + path + body; canonical headers only). */
    public static final int PROTOCOL_VERSION = 2;
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    /** Printable ASCII without space, '?' or '#', starting with '/'; at most 2048 characters. */
    private static final Pattern PATH = Pattern.compile("/[\\x21\\x22\\x24-\\x3e\\x40-\\x7e]{0,2047}");
    private static final List<String> HEADER_MEMBERS =
        List.of("act", "bh", "kind", "nonce", "seq", "sid", "suite", "ts", "v");
    private static final Pattern B64URL_PART = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    /** The request as received: the token's bh is recomputed from exactly these three. */
    public static final class Request {
        /** HTTP method as received, e.g. {@code POST}. */
        public final String method;
        /** The request path as received, without the query string: {@code /api/loans/L-1/repay}. */
        public final String path;
        /** The parsed JSON body ({@link Json} value), or {@code null} for a request without a body. */
        public final Object body;

        public Request(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }
    }

    /** What the endpoint knows about the request the token came with. */
    public static final class Context {
        /** The request received; required for action tokens, {@code null} for telemetry. */
        public Request request;
        /** The logged-in customer making the request, or {@code null} before login (step 11). */
        public String customerId;
        /** Refuse (BIZ_MISMATCH) unless the token is of this kind ({@code telemetry} or {@code action}). */
        public String expectKind;
        /** Refuse (BIZ_MISMATCH) unless the token was sealed for this action, e.g. {@code loan.apply}. */
        public String expectAction;
    }

    public static final class Result {
        public final boolean ok;
        public final ReasonCode code;
        public final String message;
        /** The authenticated header: on success, and on failures from TS_SKEW on. */
        public final Map<String, Object> header;
        public final Object payload;
        public final long deviceTime;
        public final Session session;

        private Result(boolean ok, ReasonCode code, String message, Map<String, Object> header, Object payload,
                long deviceTime, Session session) {
            this.ok = ok;
            this.code = code;
            this.message = message;
            this.header = header;
            this.payload = payload;
            this.deviceTime = deviceTime;
            this.session = session;
        }

        static Result fail(ReasonCode code, String message, Map<String, Object> authenticHeader) {
            return new Result(false, code, message, authenticHeader, null, 0, null);
        }
    }

    private final RiskStore store;
    private final Map<String, ServerKey> keys;
    private final LongSupplier clock;
    private final long skewMs;

    /** @param keys the server's static keys by id (the current one and, during rotation, the previous one). */
    public TokenVerifier(RiskStore store, Map<String, ServerKey> keys, LongSupplier clock, long skewMs) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.skewMs = skewMs;
    }

    public Result verify(String token, Context ctx) {
        if (ctx == null) ctx = new Context();
        // 1. parse
        if (token == null) return Result.fail(ReasonCode.MALFORMED, "token is not a string", null);
        if (token.length() > MAX_TOKEN_LENGTH) return Result.fail(ReasonCode.MALFORMED, "token too long", null);
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) return Result.fail(ReasonCode.MALFORMED, "expected 4 parts, got " + parts.length, null);
        for (String p : parts)
            if (!B64URL_PART.matcher(p).matches())
                return Result.fail(ReasonCode.MALFORMED, "empty or non-base64url part", null);
        Object parsed;
        byte[] iv;
        byte[] ciphertext;
        byte[] mac;
        String headerText;
        try {
            headerText = strictUtf8(Base64Url.decode(parts[0]));
            parsed = Json.parse(headerText);
            iv = Base64Url.decode(parts[1]);
            ciphertext = Base64Url.decode(parts[2]);
            mac = Base64Url.decode(parts[3]);
        } catch (IllegalArgumentException | CharacterCodingException | Json.ParseException e) {
            return Result.fail(ReasonCode.MALFORMED, "undecodable part: " + e.getMessage(), null);
        }
        String shapeError = checkHeaderShape(parsed);
        if (shapeError != null) return Result.fail(ReasonCode.MALFORMED, shapeError, null);
        // Exactly one spelling: the RFC 8785 form. Refuses repeated members, 1.0 for 1, escapes,
        // whitespace and member order, so no second parser can read another header than the MACed one.
        if (!headerText.equals(canonicalOrNull(parsed)))
            return Result.fail(ReasonCode.MALFORMED, "header is not in RFC 8785 canonical form", null);
        Map<String, Object> header = Json.asObject(parsed);
        String suite = (String) header.get("suite");

        // 2. version and suite allow-list, then the suite's part sizes
        if (!Double.valueOf(PROTOCOL_VERSION).equals(header.get("v")))
            return Result.fail(ReasonCode.SUITE_UNSUPPORTED, "protocol version not supported", null);
        Suite cipher = Suites.allowed(keys, suite);
        if (cipher == null)
            return Result.fail(ReasonCode.SUITE_UNSUPPORTED, "suite " + suite + " not allowed", null);
        if (iv.length != cipher.ivLength() || mac.length != cipher.macLength() || ciphertext.length == 0
                || ciphertext.length % cipher.blockLength() != 0)
            return Result.fail(ReasonCode.MALFORMED, "part sizes do not match the suite", null);

        // 3. session lookup and expiry
        long now = clock.getAsLong();
        Session session = store.getSession((String) header.get("sid"));
        if (session == null) return Result.fail(ReasonCode.SESSION_UNKNOWN, "no such session", null);
        if (now >= session.expiresAt) return Result.fail(ReasonCode.SESSION_EXPIRED, "session expired", null);
        ServerKey key = keys.get(session.keyId);
        if (key == null || !key.isActive(now))
            return Result.fail(ReasonCode.SESSION_EXPIRED, "session key retired", null);
        if (key.suite != cipher)
            return Result.fail(ReasonCode.SUITE_UNSUPPORTED, "token suite differs from the session suite", null);

        // 4. MAC over the exact transmitted characters, constant time
        String signed = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expectedMac = cipher.mac(Base64Url.decode(session.macKey), Bytes.ascii(signed));
        if (!Suite.constantTimeEquals(expectedMac, mac))
            return Result.fail(ReasonCode.MAC_INVALID, "MAC does not match", null);

        // 5. timestamp window (the header is authentic from here on)
        long ts = ((Double) header.get("ts")).longValue();
        if (Math.abs(ts - now) > skewMs)
            return Result.fail(ReasonCode.TS_SKEW, "timestamp off by " + (ts - now) + " ms", header);

        // 6 + 7. nonce unseen and seq increasing: one atomic store operation
        long seq = ((Double) header.get("seq")).longValue();
        RiskStore.Commit committed = store.commitToken(session.id, (String) header.get("nonce"), seq, ts + skewMs);
        if (committed == RiskStore.Commit.REPLAY_NONCE)
            return Result.fail(ReasonCode.REPLAY_NONCE, "nonce already used", header);
        if (committed == RiskStore.Commit.SEQ_REWIND)
            return Result.fail(ReasonCode.SEQ_REWIND, "seq " + seq + " not greater than last accepted", header);

        // 8. decrypt
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(Base64Url.decode(session.encKey), iv, ciphertext);
        } catch (GeneralSecurityException e) {
            return Result.fail(ReasonCode.PAYLOAD_INVALID, "ciphertext does not decrypt", header);
        }

        // 9. payload schema: exactly {dt, p}, dt a non-negative integer
        Map<String, Object> envelope;
        try {
            envelope = Json.asObject(Json.parse(strictUtf8(plaintext)));
        } catch (CharacterCodingException | Json.ParseException e) {
            return Result.fail(ReasonCode.PAYLOAD_INVALID, "payload is not UTF-8 JSON", header);
        }
        if (envelope == null) return Result.fail(ReasonCode.PAYLOAD_INVALID, "payload is not an object", header);
        if (envelope.size() != 2 || !envelope.containsKey("dt") || !envelope.containsKey("p"))
            return Result.fail(ReasonCode.PAYLOAD_INVALID, "payload must be exactly {dt, p}", header);
        Object dt = envelope.get("dt");
        if (!Json.isSafeInteger(dt) || (Double) dt < 0)
            return Result.fail(ReasonCode.PAYLOAD_INVALID, "payload dt must be a non-negative integer", header);

        // 10. binding to the business request
        Object kind = header.get("kind");
        Object act = header.get("act");
        if (ctx.expectKind != null && !ctx.expectKind.equals(kind))
            return Result.fail(ReasonCode.BIZ_MISMATCH, "token kind " + kind + ", expected " + ctx.expectKind, header);
        if (ctx.expectAction != null && !ctx.expectAction.equals(act))
            return Result.fail(ReasonCode.BIZ_MISMATCH, "token action " + act + ", expected " + ctx.expectAction, header);
        Object bh = header.get("bh");
        if (ctx.request != null || bh != Json.NULL) {
            if (ctx.request == null)
                return Result.fail(ReasonCode.BIZ_MISMATCH, "token is bound to a request but none was given", header);
            if (bh == Json.NULL)
                return Result.fail(ReasonCode.BIZ_MISMATCH, "token is not bound to any request", header);
            String expected;
            try {
                expected = bizHash(ctx.request, cipher);
            } catch (IllegalArgumentException e) {
                return Result.fail(ReasonCode.BIZ_MISMATCH, "request is not canonicalisable: " + e.getMessage(), header);
            }
            if (!Suite.constantTimeEquals(Bytes.ascii(expected), Bytes.ascii((String) bh)))
                return Result.fail(ReasonCode.BIZ_MISMATCH, "bizHash does not match the request (method, path or body)", header);
        }

        // 11. customer binding: last, so only a token that passed every other check binds the session
        if (ctx.customerId != null) {
            if (ctx.customerId.isEmpty() || ctx.customerId.length() > 128)
                throw new IllegalArgumentException("customerId must be 1..128 characters");
            if (!store.bindCustomer(session.id, ctx.customerId))
                return Result.fail(ReasonCode.SESSION_CUSTOMER_MISMATCH, "risk session is bound to another customer", header);
        }
        return new Result(true, null, null, header, envelope.get("p"), ((Double) dt).longValue(), session);
    }

    /**
     * PROTOCOL.md §4.1: METHOD "\n" path "\n" JCS(body), the body part empty for a request without one.
     * Throws IllegalArgumentException for a method or path outside the allowed characters.
     */
    public static String canonicalRequest(Request r) {
        if (r.method == null || !METHOD.matcher(r.method).matches())
            throw new IllegalArgumentException("method must be the upper-case HTTP method");
        if (r.path == null || !PATH.matcher(r.path).matches())
            throw new IllegalArgumentException("path must start with / and hold no space, query or fragment");
        return r.method + "\n" + r.path + "\n" + (r.body == null ? "" : CanonicalJson.serialize(r.body));
    }

    /** bizHash = b64url(H(UTF-8(canonicalRequest))), H the suite's hash: SHA-256 (LJR1), SM3 (LJG1). */
    public static String bizHash(Request r, Suite suite) {
        return Base64Url.encode(suite.hash(canonicalRequest(r).getBytes(StandardCharsets.UTF_8)));
    }

    /** The LJR1 (SHA-256) bizHash, as in canonical-json.json. */
    public static String bizHash(Request r) {
        return bizHash(r, Ljr1Suite.INSTANCE);
    }

    private static String canonicalOrNull(Object value) {
        try {
            return CanonicalJson.serialize(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The header's exact members and types (PROTOCOL.md §4, §5 step 1). */
    static String checkHeaderShape(Object parsed) {
        Map<String, Object> h = Json.asObject(parsed);
        if (h == null) return "header is not a JSON object";
        List<String> members = new ArrayList<>(h.keySet());
        members.sort(null);
        if (!members.equals(HEADER_MEMBERS)) return "header fields are not exactly " + String.join(",", HEADER_MEMBERS);
        if (!Json.isSafeInteger(h.get("v")) || (Double) h.get("v") < 1) return "bad v";
        Object suite = h.get("suite");
        if (!(suite instanceof String) || ((String) suite).isEmpty() || ((String) suite).length() > 64) return "bad suite";
        if (!Base64Url.isOfLength(h.get("sid"), 16)) return "bad sid";
        if (!Json.isSafeInteger(h.get("seq")) || (Double) h.get("seq") < 1) return "bad seq";
        if (!Json.isSafeInteger(h.get("ts")) || (Double) h.get("ts") < 0) return "bad ts";
        if (!Base64Url.isOfLength(h.get("nonce"), 16)) return "bad nonce";
        Object kind = h.get("kind");
        if (!"telemetry".equals(kind) && !"action".equals(kind)) return "bad kind";
        Object act = h.get("act");
        boolean actOk = "action".equals(kind)
            ? act instanceof String && ACTION.matcher((String) act).matches()
            : act == Json.NULL;
        if (!actOk) return "bad act for kind";
        Object bh = h.get("bh");
        boolean bhOk = "action".equals(kind)
            ? bh instanceof String && ((String) bh).length() <= 128 && B64URL_PART.matcher((String) bh).matches()
            : bh == Json.NULL;
        if (!bhOk) return "bad bh for kind";
        return null;
    }

    /** Fatal UTF-8 decoding, like TextDecoder('utf-8', { fatal: true, ignoreBOM: true }). */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    }
}
