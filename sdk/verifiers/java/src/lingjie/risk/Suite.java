package lingjie.risk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * A cipher suite (PROTOCOL.md §8): the primitives and part sizes the handshake and the token
 * verifier take from the session key's suite, so §3–§5 are written once for every suite.
 * Implementations: {@link Ljr1Suite} (JDK only) and {@code Ljg1Suite} (BouncyCastle), found by
 * name through {@link Suites}.
 */
public interface Suite {
    /** The wire name, e.g. {@code LJR1-X25519-HMAC-SHA256-AES256CBC}. */
    String name();

    /** Bytes of a public key ({@code spk}, {@code epk}) as it travels. */
    int publicKeyLength();

    /** Bytes of the token MAC and of {@code kc}: the MAC's output length, also HKDF's HashLen. */
    int macLength();

    int ivLength();

    /** Cipher block size: the ciphertext is a non-empty multiple of it. */
    int blockLength();

    int encKeyLength();

    int macKeyLength();

    /** The public key of a static private key; throws for a private key outside the suite's range. */
    byte[] publicKeyFromPrivate(byte[] privateKey) throws GeneralSecurityException;

    /**
     * The Diffie–Hellman shared secret; throws for a peer key that is malformed, not on the curve,
     * or (X25519) of low order, which the handshake answers {@code MALFORMED}.
     */
    byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) throws GeneralSecurityException;

    /** The suite's hash H: bizHash (§4.1). */
    byte[] hash(byte[] data);

    /** HMAC with the suite's hash: token MAC, kc, and HKDF below. */
    byte[] mac(byte[] key, byte[] data);

    /** CBC decryption with PKCS#7; throws on a wrong padding. */
    byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws GeneralSecurityException;

    /**
     * HKDF (RFC 5869) over {@link #mac}: extract with {@code salt}, expand to {@code length} bytes
     * with {@code info}. Written once here because it is the same construction for every suite;
     * only the HMAC differs, and each suite's vectors check the result byte for byte.
     */
    default byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        int hashLength = macLength();
        if (length > 255 * hashLength) throw new IllegalArgumentException("hkdf: length too large");
        // An absent salt is HashLen zero bytes (RFC 5869 §2.2), never an empty HMAC key: the JDK's
        // SecretKeySpec refuses an empty key.
        byte[] prk = mac(salt.length == 0 ? new byte[hashLength] : salt, ikm);
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        int filled = 0;
        for (int i = 1; filled < length; i++) {
            byte[] input = new byte[t.length + info.length + 1];
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[input.length - 1] = (byte) i;
            t = mac(prk, input);
            int n = Math.min(t.length, length - filled);
            System.arraycopy(t, 0, okm, filled, n);
            filled += n;
        }
        return okm;
    }

    /** Constant-time for equal lengths: {@link MessageDigest#isEqual} does not return early. */
    static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
