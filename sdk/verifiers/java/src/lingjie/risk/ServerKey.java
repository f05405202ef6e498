package lingjie.risk;

import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/** A server static key (PROTOCOL.md §7): id, suite, private key, optional retirement time. */
public final class ServerKey {
    /** Key ids are short ASCII labels: they go into the KDF info as bytes. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public final String keyId;
    /** A key belongs to exactly one suite (§8): handshakes and tokens of its sessions must name it. */
    public final Suite suite;
    final byte[] privateKey;
    public final byte[] publicKey;
    /** Unix ms from which the key is retired, or {@code null} for the current key. */
    public final Long notAfter;

    /** An LJR1 (X25519) key. */
    public ServerKey(String keyId, String privateKeyBase64Url, Long notAfter) throws GeneralSecurityException {
        this(keyId, Ljr1Suite.NAME, privateKeyBase64Url, notAfter);
    }

    /**
     * A key of the suite named {@code suiteName}; throws IllegalArgumentException for an unknown
     * suite or for LJG1 without BouncyCastle on the classpath, GeneralSecurityException for a
     * private key outside the suite's range (SM2: 1 ≤ d ≤ n − 2).
     */
    public ServerKey(String keyId, String suiteName, String privateKeyBase64Url, Long notAfter)
            throws GeneralSecurityException {
        if (!KEY_ID.matcher(keyId).matches()) throw new IllegalArgumentException("invalid key id " + keyId);
        this.keyId = keyId;
        this.suite = Suites.require(suiteName);
        this.privateKey = Base64Url.decode(privateKeyBase64Url);
        // Both suites use 32-byte private keys (X25519 scalar; SM2 d big-endian).
        if (privateKey.length != 32) throw new IllegalArgumentException("private key must be 32 bytes");
        this.publicKey = suite.publicKeyFromPrivate(privateKey);
        this.notAfter = notAfter;
    }

    public boolean isActive(long now) {
        return notAfter == null || now < notAfter;
    }
}
