package lingjie.risk;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Suite {@code LJR1-X25519-HMAC-SHA256-AES256CBC} (PROTOCOL.md §8) on the JDK 17 standard library:
 * X25519 through {@code java.security} XDH (RFC 7748), HKDF (RFC 5869) over HMAC-SHA256,
 * AES-256-CBC with PKCS#7 padding and SHA-256 (HKDF itself is {@link Suite#hkdf}).
 */
public final class Ljr1Suite implements Suite {
    public static final String NAME = "LJR1-X25519-HMAC-SHA256-AES256CBC";
    public static final Ljr1Suite INSTANCE = new Ljr1Suite();

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final byte[] BASE_POINT = new byte[32];

    static {
        BASE_POINT[0] = 9;
    }

    private Ljr1Suite() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int publicKeyLength() {
        return 32;
    }

    @Override
    public int macLength() {
        return 32;
    }

    @Override
    public int ivLength() {
        return 16;
    }

    @Override
    public int blockLength() {
        return 16;
    }

    @Override
    public int encKeyLength() {
        return 32;
    }

    @Override
    public int macKeyLength() {
        return 32;
    }

    /** X25519(privateKey, peerPublicKey); throws for a low-order peer key (all-zero shared secret). */
    public static byte[] x25519(byte[] privateKey, byte[] peerPublicKey) throws GeneralSecurityException {
        if (privateKey.length != 32 || peerPublicKey.length != 32)
            throw new GeneralSecurityException("x25519: keys must be 32 bytes");
        KeyFactory kf = KeyFactory.getInstance("XDH");
        PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey.clone()));
        PublicKey pub = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, decodeU(peerPublicKey)));
        KeyAgreement ka = KeyAgreement.getInstance("XDH");
        ka.init(priv);
        ka.doPhase(pub, true);
        byte[] shared = ka.generateSecret(); // the JDK itself refuses an all-zero result
        boolean zero = true;
        for (byte b : shared) zero &= b == 0;
        if (zero) throw new GeneralSecurityException("x25519: low-order peer public key");
        return shared;
    }

    @Override
    public byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) throws GeneralSecurityException {
        return x25519(privateKey, peerPublicKey);
    }

    /** The public key of a static private key: X25519(privateKey, 9). */
    @Override
    public byte[] publicKeyFromPrivate(byte[] privateKey) throws GeneralSecurityException {
        return x25519(privateKey, BASE_POINT);
    }

    /** RFC 7748 §5: little-endian u-coordinate, most significant bit masked, reduced mod p. */
    private static BigInteger decodeU(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) be[i] = le[le.length - 1 - i];
        be[0] &= 0x7f;
        return new BigInteger(1, be).mod(P);
    }

    /** HMAC-SHA256. */
    @Override
    public byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty HMAC key is legal in RFC 2104 but SecretKeySpec refuses it; HKDF with an empty
            // salt uses a zero block of hash length instead (RFC 5869 §2.2), so it never gets here empty.
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-256-CBC decryption; throws on a wrong PKCS#7 padding. */
    @Override
    public byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS#5 padding is PKCS#7 for 16-byte blocks
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c.doFinal(ciphertext);
    }

    /** SHA-256. */
    @Override
    public byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
