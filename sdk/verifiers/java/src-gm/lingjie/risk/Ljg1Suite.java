package lingjie.risk;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Suite {@code LJG1-SM2-HMAC-SM3-SM4CBC} (PROTOCOL.md §8.1, 国密) on BouncyCastle's lightweight
 * API, because the JDK has none of SM2, SM3 or SM4 (SunEC knows only the NIST curves): ECDH on
 * {@code sm2p256v1} from {@link GMNamedCurves} (BC's fixed-width field arithmetic; hand-written
 * BigInteger point math would leak the key through timing), SM3, HMAC-SM3 and SM4-CBC with PKCS#7.
 * HKDF-SM3 is {@link Suite#hkdf} over {@link #mac}. Compiled only with bcprov.jar on the classpath (src-gm/);
 * {@link Suites} loads it by name so the JDK-only build runs LJR1 without it.
 */
public final class Ljg1Suite implements Suite {
    public static final Ljg1Suite INSTANCE = new Ljg1Suite();

    private static final ECDomainParameters SM2 = new ECDomainParameters(GMNamedCurves.getByName("sm2p256v1"));
    /** Draws the ECDH scalar blinding only; thread-safe. */
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Bytes of a field element / coordinate, and of the shared secret. */
    private static final int FIELD_BYTES = 32;

    private Ljg1Suite() {}

    @Override
    public String name() {
        return Suites.LJG1;
    }

    /** Uncompressed point 0x04 ‖ x ‖ y (GB/T 32918.1 §4.2.9). */
    @Override
    public int publicKeyLength() {
        return 1 + 2 * FIELD_BYTES;
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

    /** SM4 has 128-bit keys, so the key schedule draws L = 32 + 16 + 32 = 80 bytes. */
    @Override
    public int encKeyLength() {
        return 16;
    }

    @Override
    public int macKeyLength() {
        return 32;
    }

    @Override
    public byte[] publicKeyFromPrivate(byte[] privateKey) throws GeneralSecurityException {
        // The fixed-point comb multiplier is BC's regular-schedule multiplication for the base point.
        return new FixedPointCombMultiplier().multiply(SM2.getG(), scalar(privateKey)).getEncoded(false);
    }

    /**
     * x-coordinate of d · P, 32 bytes big-endian — what OpenSSL's ECDH (Node's computeSecret) returns.
     * The peer key must be exactly 0x04 ‖ x ‖ y with both coordinates below p and on the curve
     * (§8.1); the cofactor is 1, so no small-subgroup check is needed beyond that.
     */
    @Override
    public byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) throws GeneralSecurityException {
        BigInteger d = scalar(privateKey);
        // Checked here, not left to decodePoint, which would also accept the compressed (0x02/0x03)
        // and hybrid (0x06/0x07) encodings of the same point.
        if (peerPublicKey.length != publicKeyLength() || peerPublicKey[0] != 0x04)
            throw new GeneralSecurityException("sm2: public key must be 65 bytes, 0x04 ‖ x ‖ y");
        ECPoint peer;
        try {
            // decodePoint refuses a coordinate ≥ p and a point off the curve; validatePublicPoint
            // the point at infinity (the same checks ECPublicKeyParameters makes).
            peer = SM2.validatePublicPoint(SM2.getCurve().decodePoint(peerPublicKey));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("sm2: invalid peer public key", e);
        }
        // What ECDHBasicAgreement computes (cofactor 1: Q · d, affine x), with the scalar blinded:
        // BC multiplies a variable point with wNAF, whose running time depends on the scalar. With
        // d + r·n for a fresh 64-bit r — the same point, as P has order n — that dependence is on a
        // new scalar every call and does not add up to information about the static key d.
        BigInteger blinded = d.add(new BigInteger(64, RANDOM).add(BigInteger.ONE).multiply(SM2.getN()));
        ECPoint shared = peer.multiply(blinded).normalize();
        if (shared.isInfinity()) throw new GeneralSecurityException("sm2: invalid agreement");
        return BigIntegers.asUnsignedByteArray(FIELD_BYTES, shared.getAffineXCoord().toBigInteger());
    }

    /** 1 ≤ d ≤ n − 2 (§8.1; n − 1 has no SM2 signature inverse, and the Node verifier refuses it too). */
    private static BigInteger scalar(byte[] privateKey) throws GeneralSecurityException {
        if (privateKey.length != FIELD_BYTES) throw new GeneralSecurityException("sm2: private key must be 32 bytes");
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(SM2.getN().subtract(BigInteger.TWO)) > 0)
            throw new GeneralSecurityException("sm2: private key must be in [1, n-2]");
        return d;
    }

    /** SM3 (GB/T 32905). */
    @Override
    public byte[] hash(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC-SM3 (RFC 2104, 64-byte block). */
    @Override
    public byte[] mac(byte[] key, byte[] data) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /** SM4-CBC (GB/T 32907) with PKCS#7; throws on a wrong padding. */
    @Override
    public byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        PaddedBufferedBlockCipher cipher =
            new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding());
        try {
            cipher.init(false, new ParametersWithIV(new KeyParameter(key), iv));
            byte[] out = new byte[cipher.getOutputSize(ciphertext.length)];
            int n = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
            n += cipher.doFinal(out, n);
            return Arrays.copyOf(out, n);
        } catch (CryptoException | IllegalArgumentException | IllegalStateException e) {
            // InvalidCipherTextException: bad padding; DataLengthException: not whole blocks; wrong key/IV size.
            throw new GeneralSecurityException("sm4-cbc: " + e.getMessage(), e);
        }
    }
}
