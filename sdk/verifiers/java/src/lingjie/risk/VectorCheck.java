package lingjie.risk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks this verifier against sdk/test-vectors (PROTOCOL.md §9) and prints a JSON report.
 *
 * <pre>
 *   java -cp build lingjie.risk.VectorCheck sdk/test-vectors             every vector; exit 1 on any mismatch
 *   java -cp build lingjie.risk.VectorCheck --cases cases.json           verify each case's token, print the results
 *   java -cp build lingjie.risk.VectorCheck --handshakes requests.json   answer each handshake request
 *   java -cp build lingjie.risk.VectorCheck --canonical values.json      RFC 8785 form of each value
 * </pre>
 *
 * The three file modes print what this verifier answers and judge nothing: the repository's test
 * feeds the same generated inputs to this verifier and to the Node one and compares the answers.
 * A {@code --cases} file has the shape of ljr1-invalid-tokens.json without the expected codes.
 */
public final class VectorCheck {
    private int passed;
    private int failed;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].startsWith("--")) {
            Object input = read(Path.of(args[1]));
            Object output;
            if (args[0].equals("--cases")) output = runCases(obj(input));
            else if (args[0].equals("--handshakes")) output = runHandshakes(obj(input));
            else if (args[0].equals("--canonical")) output = canonicalForms((List<?>) input);
            else throw new IllegalArgumentException("unknown mode " + args[0]);
            System.out.println(CanonicalJson.serialize(output));
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: VectorCheck <test-vectors dir> | --cases <file>");
            System.exit(2);
        }
        VectorCheck check = new VectorCheck();
        Map<String, Object> report = check.run(Path.of(args[0]));
        System.out.println(CanonicalJson.serialize(report));
        System.err.println(check.passed + " passed, " + check.failed + " failed");
        System.exit(check.failed == 0 ? 0 : 1);
    }

    private Map<String, Object> run(Path dir) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> hs = obj(read(dir.resolve("ljr1-handshake.json")));
        report.put("handshake", handshake(hs));
        // ljr1-tokens.json holds the session only: its tokens are verified with the handshake's server key.
        report.put("tokens", tokens(obj(read(dir.resolve("ljr1-tokens.json"))), obj(hs.get("server"))));
        report.put("invalid", invalid(obj(read(dir.resolve("ljr1-invalid-tokens.json")))));
        report.put("canonical", canonical(obj(read(dir.resolve("canonical-json.json")))));
        report.put("passed", (double) passed);
        report.put("failed", (double) failed);
        return report;
    }

    private Map<String, Object> handshake(Map<String, Object> hs) throws Exception {
        Map<String, Object> server = obj(hs.get("server"));
        Map<String, ServerKey> keys = keyRing(server);
        Map<String, Object> draws = obj(hs.get("serverRandomDraws"));
        Deque<byte[]> queue = new ArrayDeque<>(List.of(
            Base64Url.decode(str(draws.get("sid"))), Base64Url.decode(str(draws.get("ns")))));
        MemoryStore store = new MemoryStore();
        Handshake.Result r = Handshake.handle(hs.get("request"), keys, num(hs.get("serverTime")),
            num(server.get("sessionTtlMs")), n -> queue.removeFirst(), store);
        Map<String, Object> derived = obj(hs.get("derived"));
        Map<String, Object> request = obj(hs.get("request"));
        ServerKey key = keys.values().iterator().next();
        byte[] epk = Base64Url.decode(str(request.get("epk")));
        byte[] nc = Base64Url.decode(str(request.get("nc")));
        byte[] ns = Base64Url.decode(str(draws.get("ns")));
        String sid = str(draws.get("sid"));
        byte[] shared = Ljr1Suite.x25519(key.privateKey, epk);
        Handshake.Keys k = Handshake.deriveKeys(shared, Ljr1Suite.NAME, key.keyId, sid, epk, key.publicKey, nc, ns);
        HexFormat hex = HexFormat.of();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("publicKey", expect(Base64Url.encode(key.publicKey), server.get("publicKey")));
        checks.put("sharedSecret", expect(hex.formatHex(shared), derived.get("sharedSecretHex")));
        checks.put("macKey", expect(hex.formatHex(k.macKey), derived.get("macKeyHex")));
        checks.put("encKey", expect(hex.formatHex(k.encKey), derived.get("encKeyHex")));
        checks.put("confirmKey", expect(hex.formatHex(k.confirmKey), derived.get("confirmKeyHex")));
        long st = num(obj(hs.get("response")).get("st"));
        long exp = num(obj(hs.get("response")).get("exp"));
        checks.put("transcript", expect(
            hex.formatHex(Handshake.confirmationTranscript(Ljr1Suite.NAME, key.keyId, sid, epk, nc, ns, st, exp)),
            derived.get("keyConfirmationTranscriptHex")));
        checks.put("response", expect(CanonicalJson.serialize(r.response), CanonicalJson.serialize(hs.get("response"))));
        checks.put("session", expect(CanonicalJson.serialize(sessionJson(store.getSession(sid))),
            CanonicalJson.serialize(hs.get("session"))));
        return checks;
    }

    private List<Object> tokens(Map<String, Object> tv, Map<String, Object> server) throws Exception {
        MemoryStore store = new MemoryStore();
        store.putSession(session(obj(tv.get("session"))));
        long[] now = {0};
        TokenVerifier verifier = new TokenVerifier(store, keyRing(server), () -> now[0], num(server.get("skewMs")));
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) tv.get("tokens")) {
            Map<String, Object> t = obj(item);
            now[0] = num(t.get("verifyAt"));
            TokenVerifier.Context ctx = new TokenVerifier.Context();
            ctx.request = request(t.get("request"));
            ctx.expectKind = str(t.get("kind"));
            ctx.expectAction = t.get("act") instanceof String ? str(t.get("act")) : null;
            TokenVerifier.Result r = verifier.verify(str(t.get("token")), ctx);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("description", t.get("description"));
            row.put("ok", expect(r.ok, true)
                && expect(ctx.request == null ? Json.NULL : TokenVerifier.canonicalRequest(ctx.request),
                    t.get("canonicalRequest"))
                && expect(r.ok ? CanonicalJson.serialize(r.header) : "", CanonicalJson.serialize(t.get("header")))
                && expect(r.ok ? CanonicalJson.serialize(r.payload) : "", CanonicalJson.serialize(t.get("payload")))
                && expect((double) r.deviceTime, t.get("deviceTime")));
            row.put("code", r.ok ? Json.NULL : r.code.name());
            out.add(row);
        }
        return out;
    }

    private List<Object> invalid(Map<String, Object> inv) throws Exception {
        List<Object> results = runCases(inv);
        List<Object> out = new ArrayList<>();
        List<?> cases = (List<?>) inv.get("cases");
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = obj(cases.get(i));
            Object got = obj(results.get(i)).get("code");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("description", c.get("description"));
            row.put("expected", c.get("code"));
            row.put("got", got);
            expect(got, c.get("code"));
            out.add(row);
        }
        return out;
    }

    private List<Object> canonical(Map<String, Object> cj) {
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) cj.get("cases")) {
            Map<String, Object> c = obj(item);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("canonical", expect(CanonicalJson.serialize(c.get("body")), c.get("canonical")));
            out.add(row);
        }
        for (Object item : (List<?>) cj.get("requests")) {
            Map<String, Object> c = obj(item);
            TokenVerifier.Request req = request(c.get("request"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("canonicalRequest", expect(TokenVerifier.canonicalRequest(req), c.get("canonicalRequest")));
            row.put("bizHash", expect(TokenVerifier.bizHash(req), c.get("bizHash")));
            out.add(row);
        }
        return out;
    }

    /**
     * For each case: a fresh store holding {@code session}, the clock at {@code now}; every
     * {@code before} token must verify, then {@code token} is verified with {@code context}.
     * Returns {ok, code} per case ({@code code} "BEFORE_FAILED" if a before token did not verify).
     */
    static List<Object> runCases(Map<String, Object> file) throws Exception {
        Map<String, ServerKey> keys = keyRing(obj(file.get("server")));
        long skew = num(obj(file.get("server")).get("skewMs"));
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) file.get("cases")) {
            Map<String, Object> c = obj(item);
            MemoryStore store = new MemoryStore();
            store.putSession(session(obj(file.get("session"))));
            long now = num(c.get("now"));
            TokenVerifier verifier = new TokenVerifier(store, keys, () -> now, skew);
            boolean beforeOk = true;
            for (Object b : (List<?>) c.get("before"))
                beforeOk &= verifier.verify(str(obj(b).get("token")), context(obj(obj(b).get("context")))).ok;
            TokenVerifier.Result r = verifier.verify(str(c.get("token")), context(obj(c.get("context"))));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ok", r.ok);
            row.put("code", !beforeOk ? "BEFORE_FAILED" : r.ok ? Json.NULL : r.code.name());
            out.add(row);
        }
        return out;
    }

    /**
     * {server: {keyId, privateKey, notAfter?, sessionTtlMs}, now, cases: [{request, sid, ns}]}: each
     * request answered with the given server draws → {ok: true, response} or {ok: false, code}.
     */
    static List<Object> runHandshakes(Map<String, Object> file) throws Exception {
        Map<String, Object> server = obj(file.get("server"));
        String id = str(server.get("keyId"));
        Long notAfter = server.get("notAfter") instanceof Double ? num(server.get("notAfter")) : null;
        Map<String, ServerKey> keys = Map.of(id, new ServerKey(id, str(server.get("privateKey")), notAfter));
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) file.get("cases")) {
            Map<String, Object> c = obj(item);
            Deque<byte[]> draws = new ArrayDeque<>(List.of(
                Base64Url.decode(str(c.get("sid"))), Base64Url.decode(str(c.get("ns")))));
            Map<String, Object> row = new LinkedHashMap<>();
            try {
                Handshake.Result r = Handshake.handle(c.get("request"), keys, num(file.get("now")),
                    num(server.get("sessionTtlMs")), n -> draws.removeFirst(), new MemoryStore());
                row.put("ok", true);
                row.put("response", r.response);
            } catch (Handshake.Rejected e) {
                row.put("ok", false);
                row.put("code", e.code);
            }
            out.add(row);
        }
        return out;
    }

    /** Each value's RFC 8785 form, or null where it has none (lone surrogate). */
    static List<Object> canonicalForms(List<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            try {
                out.add(CanonicalJson.serialize(v));
            } catch (IllegalArgumentException e) {
                out.add(Json.NULL);
            }
        }
        return out;
    }

    private static TokenVerifier.Context context(Map<String, Object> c) {
        TokenVerifier.Context ctx = new TokenVerifier.Context();
        if (c == null) return ctx;
        ctx.request = request(c.get("request"));
        ctx.customerId = c.get("customerId") instanceof String ? str(c.get("customerId")) : null;
        ctx.expectKind = c.get("expectKind") instanceof String ? str(c.get("expectKind")) : null;
        ctx.expectAction = c.get("expectAction") instanceof String ? str(c.get("expectAction")) : null;
        return ctx;
    }

    /** {method, path, body?} → Request; null when absent. */
    private static TokenVerifier.Request request(Object v) {
        Map<String, Object> r = obj(v);
        if (r == null) return null;
        return new TokenVerifier.Request(str(r.get("method")), str(r.get("path")), r.get("body"));
    }

    private static Map<String, ServerKey> keyRing(Map<String, Object> server) throws Exception {
        Map<String, ServerKey> keys = new HashMap<>();
        String id = str(server.get("keyId"));
        keys.put(id, new ServerKey(id, str(server.get("privateKey")), null));
        return keys;
    }

    private static Session session(Map<String, Object> s) {
        return new Session(str(s.get("id")), str(s.get("keyId")), str(s.get("macKey")), str(s.get("encKey")),
            num(s.get("createdAt")), num(s.get("expiresAt")), num(s.get("lastSeq")));
    }

    private static Map<String, Object> sessionJson(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("keyId", s.keyId);
        m.put("macKey", s.macKey);
        m.put("encKey", s.encKey);
        m.put("createdAt", (double) s.createdAt);
        m.put("expiresAt", (double) s.expiresAt);
        m.put("lastSeq", (double) s.lastSeq);
        return m;
    }

    private boolean expect(Object got, Object want) {
        boolean ok = got == null ? want == null : got.equals(want);
        if (ok) passed++;
        else {
            failed++;
            System.err.println("MISMATCH: got " + got + ", want " + want);
        }
        return ok;
    }

    private static Object read(Path file) throws Exception {
        return Json.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    private static Map<String, Object> obj(Object v) {
        return Json.asObject(v);
    }

    private static String str(Object v) {
        return (String) v;
    }

    private static long num(Object v) {
        return ((Double) v).longValue();
    }
}
