package lingjie.risk;

import java.util.Map;

/**
 * Suite lookup by wire name. LJR1 is always here; LJG1 ({@code Ljg1Suite}, in {@code src-gm/})
 * needs BouncyCastle, so it is loaded by name at run time: the JDK-only build neither compiles nor
 * loads it, and a verifier without bcprov.jar on the classpath still runs LJR1.
 */
public final class Suites {
    public static final String LJG1 = "LJG1-SM2-HMAC-SM3-SM4CBC";
    private static final String LJG1_CLASS = "lingjie.risk.Ljg1Suite";

    /** Why LJG1 is unavailable, or {@code null} once it loaded. */
    private static final String LJG1_MISSING;
    private static final Suite LJG1_SUITE;

    static {
        Suite loaded = null;
        String missing = null;
        try {
            loaded = (Suite) Class.forName(LJG1_CLASS).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // ClassNotFoundException: built without src-gm/; NoClassDefFoundError: bcprov.jar absent at run time.
            missing = "suite " + LJG1 + " needs BouncyCastle: compile src-gm/ and run with bcprov.jar on the"
                + " classpath (Debian: apt-get install libbcprov-java, /usr/share/java/bcprov.jar) — " + e;
        }
        LJG1_SUITE = loaded;
        LJG1_MISSING = missing;
    }

    private Suites() {}

    /** The suite named {@code name}, or {@code null} if it is unknown or not available here. */
    public static Suite byName(String name) {
        if (Ljr1Suite.NAME.equals(name)) return Ljr1Suite.INSTANCE;
        if (LJG1.equals(name)) return LJG1_SUITE;
        return null;
    }

    /** Like {@link #byName} but says why a suite is missing, for configuration time (a {@link ServerKey}). */
    public static Suite require(String name) {
        Suite s = byName(name);
        if (s != null) return s;
        throw new IllegalArgumentException(LJG1.equals(name) ? LJG1_MISSING : "unknown suite " + name);
    }

    /** True when LJG1 can be used: its class and BouncyCastle are on the classpath. */
    public static boolean ljg1Available() {
        return LJG1_SUITE != null;
    }

    /**
     * The allow-list of PROTOCOL.md §8: a suite is accepted only if one of the configured keys
     * (current or retired) belongs to it. Returns that suite, or {@code null} (SUITE_UNSUPPORTED).
     */
    static Suite allowed(Map<String, ServerKey> keys, String name) {
        for (ServerKey k : keys.values())
            if (k.suite.name().equals(name)) return k.suite;
        return null;
    }
}
