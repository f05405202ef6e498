package lingjie.risk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
 *                                                                        (LJG1 with build:/usr/share/java/bcprov.jar)
 *   java -cp build lingjie.risk.VectorCheck --cases cases.json           verify each case's token, print the results
 *   java -cp build lingjie.risk.VectorCheck --handshakes requests.json   answer each handshake request
 *   java -cp build lingjie.risk.VectorCheck --canonical values.json      RFC 8785 form of each value
 * </pre>
 *
 * The three file modes print what this verifier answers and judge nothing: the repository's test
 * feeds the same generated inputs to this verifier and to the Node one and compares the answers.
 * A {@code --cases} file has the shape of ljr1-invalid-tokens.json without the expected codes;
 * {@code server.suite} picks the suite (LJR1 when absent), in {@code --handshakes} too.
 * The LJG1 vectors are checked when BouncyCastle is on the classpath (see {@link Suites}).
 */
public final class VectorCheck {
    private static final HexFormat HEX = HexFormat.of();
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
        report.putAll(suiteVectors(dir, "ljr1"));
        report.put("canonical", canonical(obj(read(dir.resolve("canonical-json.json")))));
        if (Suites.ljg1Available()) {
            Map<String, Object> gm = suiteVectors(dir, "ljg1");
            Map<String, Object> primitives = obj(read(dir.resolve("ljg1-primitives.json")));
            gm.put("primitives", ljg1Primitives(primitives, Suites.require(Suites.LJG1)));
            report.put("ljg1", gm);
        } else {
            // A JDK-only build: LJR1 is still checked in full; say loudly that LJG1 was not.
            String why;
            try {
                Suites.require(Suites.LJG1);
                why = "";
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
            report.put("ljg1", "skipped: " + why);
            System.err.println("LJG1 vectors skipped: " + why);
        }
        report.put("passed", (double) passed);
        report.put("failed", (double) failed);
        return report;
    }

    /**
     * {@code <prefix>-handshake.json}, {@code -tokens.json} and {@code -invalid-tokens.json}: the
     * same shapes for every suite; the suite comes from the server key ({@code server.suite}, LJR1
     * when absent).
     */
    private Map<String, Object> suiteVectors(Path dir, String prefix) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> hs = obj(read(dir.resolve(prefix + "-handshake.json")));
        out.put("handshake", handshake(hs));
        if (hs.get("invalidRequests") != null) out.put("invalidRequests", invalidRequests(hs));
        // The tokens file holds the session only: its tokens are verified with the handshake's server key.
        out.put("tokens", tokens(obj(read(dir.resolve(prefix + "-tokens.json"))), obj(hs.get("server"))));
        out.put("invalid", invalid(obj(read(dir.resolve(prefix + "-invalid-tokens.json")))));
        return out;
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
        Suite suite = key.suite;
        byte[] epk = Base64Url.decode(str(request.get("epk")));
        byte[] nc = Base64Url.decode(str(request.get("nc")));
        byte[] ns = Base64Url.decode(str(draws.get("ns")));
        String sid = str(draws.get("sid"));
        byte[] shared = suite.sharedSecret(key.privateKey, epk);
        Handshake.Keys k = Handshake.deriveKeys(suite, shared, key.keyId, sid, epk, key.publicKey, nc, ns);
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
            hex.formatHex(Handshake.confirmationTranscript(suite.name(), key.keyId, sid, epk, nc, ns, st, exp)),
            derived.get("keyConfirmationTranscriptHex")));
        checks.put("response", expect(CanonicalJson.serialize(r.response), CanonicalJson.serialize(hs.get("response"))));
        checks.put("session", expect(CanonicalJson.serialize(sessionJson(store.getSession(sid))),
            CanonicalJson.serialize(hs.get("session"))));
        return checks;
    }

    /** {@code invalidRequests}: each handshake request must be refused with its code. */
    private List<Object> invalidRequests(Map<String, Object> hs) throws Exception {
        Map<String, Object> server = obj(hs.get("server"));
        Map<String, ServerKey> keys = keyRing(server);
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) hs.get("invalidRequests")) {
            Map<String, Object> c = obj(item);
            Object got;
            try {
                Handshake.handle(c.get("request"), keys, num(hs.get("serverTime")), num(server.get("sessionTtlMs")),
                    n -> new byte[n], new MemoryStore());
                got = "ACCEPTED";
            } catch (Handshake.Rejected e) {
                got = e.code;
            }
            out.add(codeRow(c, got));
        }
        return out;
    }

    /**
     * ljg1-primitives.json through the {@link Suite} interface only (this class compiles without
     * BouncyCastle): SM3, one SM4 block, HMAC-SM3, HKDF-SM3, SM4-CBC, SM2 public keys and ECDH.
     */
    private Map<String, Object> ljg1Primitives(Map<String, Object> p, Suite suite) throws Exception {
        Map<String, Object> checks = new LinkedHashMap<>();
        List<Object> sm3 = new ArrayList<>();
        for (Object item : (List<?>) p.get("sm3")) {
            Map<String, Object> c = obj(item);
            sm3.add(expect(HEX.formatHex(suite.hash(Bytes.ascii(str(c.get("inputAscii"))))), c.get("digestHex")));
        }
        checks.put("sm3", sm3);
        // The published SM4 example is one raw block, and the suite only decrypts CBC with PKCS#7. With
        // IV = P ⊕ 10^16, CBC gives D(C) ⊕ IV, which is the full padding block 10^16 — so an empty
        // plaintext — exactly when D(C) = P; any other D(C) leaves bytes or fails the padding.
        Map<String, Object> block = obj(p.get("sm4Block"));
        byte[] iv = hex(block, "plaintextHex");
        for (int i = 0; i < iv.length; i++) iv[i] ^= 0x10;
        byte[] blockOut;
        try {
            blockOut = suite.decrypt(hex(block, "keyHex"), iv, hex(block, "ciphertextHex"));
        } catch (GeneralSecurityException e) {
            blockOut = null;
        }
        checks.put("sm4Block", expect(blockOut != null && blockOut.length == 0, true));
        Map<String, Object> h = obj(p.get("hmacSm3"));
        checks.put("hmacSm3", expect(HEX.formatHex(suite.mac(hex(h, "keyHex"), hex(h, "dataHex"))), h.get("macHex")));
        Map<String, Object> kdf = obj(p.get("hkdfSm3"));
        byte[] okm = suite.hkdf(hex(kdf, "ikmHex"), hex(kdf, "saltHex"), hex(kdf, "infoHex"), (int) num(kdf.get("length")));
        checks.put("hkdfSm3", expect(HEX.formatHex(okm), kdf.get("okmHex")));
        Map<String, Object> cbc = obj(p.get("sm4Cbc"));
        byte[] plaintext = suite.decrypt(hex(cbc, "keyHex"), hex(cbc, "ivHex"), hex(cbc, "ciphertextHex"));
        checks.put("sm4Cbc", expect(HEX.formatHex(plaintext), cbc.get("plaintextHex")));
        Map<String, Object> sm2 = obj(p.get("sm2"));
        byte[] a = hex(sm2, "privateKeyAHex");
        byte[] b = hex(sm2, "privateKeyBHex");
        checks.put("sm2PublicKeys", expect(HEX.formatHex(suite.publicKeyFromPrivate(a)), sm2.get("publicKeyAHex"))
            & expect(HEX.formatHex(suite.publicKeyFromPrivate(b)), sm2.get("publicKeyBHex")));
        Object shared = sm2.get("sharedSecretHex");
        checks.put("sm2SharedSecret", expect(HEX.formatHex(suite.sharedSecret(a, hex(sm2, "publicKeyBHex"))), shared)
            & expect(HEX.formatHex(suite.sharedSecret(b, hex(sm2, "publicKeyAHex"))), shared));
        return checks;
    }

    private static byte[] hex(Map<String, Object> m, String member) {
        return HEX.parseHex(str(m.get(member)));
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

    /** A report row for a case that expects a reason code ({@code c.code}): what came back, counted. */
    private Map<String, Object> codeRow(Map<String, Object> c, Object got) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("description", c.get("description"));
        row.put("expected", c.get("code"));
        row.put("got", got);
        expect(got, c.get("code"));
        return row;
    }

    private List<Object> invalid(Map<String, Object> inv) throws Exception {
        List<Object> results = runCases(inv);
        List<Object> out = new ArrayList<>();
        List<?> cases = (List<?>) inv.get("cases");
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = obj(cases.get(i));
            Object got = obj(results.get(i)).get("code");
            out.add(codeRow(c, got));
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
        // Optional: more server keys in the ring (another suite's, as a bank running LJR1 and LJG1 has).
        if (file.get("alsoKeys") instanceof List)
            for (Object k : (List<?>) file.get("alsoKeys")) keys.putAll(keyRing(obj(k)));
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
        Map<String, ServerKey> keys = Map.of(id, new ServerKey(id, suiteName(server), str(server.get("privateKey")), notAfter));
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
        keys.put(id, new ServerKey(id, suiteName(server), str(server.get("privateKey")), null));
        return keys;
    }

    /** {@code server.suite}; the LJR1 vector files predate it and mean LJR1. */
    private static String suiteName(Map<String, Object> server) {
        return server.get("suite") instanceof String ? str(server.get("suite")) : Ljr1Suite.NAME;
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
