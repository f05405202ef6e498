package lingjie.risk;

import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/** A server static key (PROTOCOL.md §7): id, X25519 private key, optional retirement time. */
public final class ServerKey {
    /** Key ids are short ASCII labels: they go into the KDF info as bytes. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public final String keyId;
    public final String suite = Ljr1Suite.NAME;
    final byte[] privateKey;
    public final byte[] publicKey;
    /** Unix ms from which the key is retired, or {@code null} for the current key. */
    public final Long notAfter;

    public ServerKey(String keyId, String privateKeyBase64Url, Long notAfter) throws GeneralSecurityException {
        if (!KEY_ID.matcher(keyId).matches()) throw new IllegalArgumentException("invalid key id " + keyId);
        this.keyId = keyId;
        this.privateKey = Base64Url.decode(privateKeyBase64Url);
        if (privateKey.length != 32) throw new IllegalArgumentException("private key must be 32 bytes");
        this.publicKey = Ljr1Suite.publicKeyFromPrivate(privateKey);
        this.notAfter = notAfter;
    }

    public boolean isActive(long now) {
        return notAfter == null || now < notAfter;
    }
}
