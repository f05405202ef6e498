package lingjie.risk;

/**
 * Unpadded base64url (RFC 4648 §5), strict as PROTOCOL.md §2 requires: no padding, no characters
 * outside the alphabet, no length ≡ 1 (mod 4), no non-zero trailing bits. java.util.Base64 is
 * lenient about trailing bits, so a flipped low bit in a token's last character would decode to
 * the same bytes; this decoder refuses it.
 */
public final class Base64Url {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int[] LOOKUP = new int[128];

    static {
        java.util.Arrays.fill(LOOKUP, -1);
        for (int i = 0; i < ALPHABET.length(); i++) LOOKUP[ALPHABET.charAt(i)] = i;
    }

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 4 + 2) / 3);
        int i = 0;
        for (; i + 2 < bytes.length; i += 3) {
            int n = ((bytes[i] & 255) << 16) | ((bytes[i + 1] & 255) << 8) | (bytes[i + 2] & 255);
            out.append(ALPHABET.charAt(n >>> 18)).append(ALPHABET.charAt((n >>> 12) & 63))
                .append(ALPHABET.charAt((n >>> 6) & 63)).append(ALPHABET.charAt(n & 63));
        }
        int rest = bytes.length - i;
        if (rest == 1) {
            int n = (bytes[i] & 255) << 16;
            out.append(ALPHABET.charAt(n >>> 18)).append(ALPHABET.charAt((n >>> 12) & 63));
        } else if (rest == 2) {
            int n = ((bytes[i] & 255) << 16) | ((bytes[i + 1] & 255) << 8);
            out.append(ALPHABET.charAt(n >>> 18)).append(ALPHABET.charAt((n >>> 12) & 63))
                .append(ALPHABET.charAt((n >>> 6) & 63));
        }
        return out.toString();
    }

    /** Throws {@link IllegalArgumentException} on anything that is not canonical unpadded base64url. */
    public static byte[] decode(String text) {
        int len = text.length();
        if (len % 4 == 1) throw new IllegalArgumentException("base64url: invalid length");
        int[] vals = new int[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            int v = c < 128 ? LOOKUP[c] : -1;
            if (v < 0) throw new IllegalArgumentException("base64url: invalid character");
            vals[i] = v;
        }
        int full = len / 4;
        int rest = len % 4;
        byte[] out = new byte[full * 3 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        int i = 0;
        for (int g = 0; g < full; g++, i += 4) {
            int n = (vals[i] << 18) | (vals[i + 1] << 12) | (vals[i + 2] << 6) | vals[i + 3];
            out[o++] = (byte) (n >>> 16);
            out[o++] = (byte) (n >>> 8);
            out[o++] = (byte) n;
        }
        if (rest == 2) {
            if ((vals[i + 1] & 15) != 0) throw new IllegalArgumentException("base64url: non-canonical trailing bits");
            out[o] = (byte) ((vals[i] << 2) | (vals[i + 1] >>> 4));
        } else if (rest == 3) {
            if ((vals[i + 2] & 3) != 0) throw new IllegalArgumentException("base64url: non-canonical trailing bits");
            int n = (vals[i] << 10) | (vals[i + 1] << 4) | (vals[i + 2] >>> 2);
            out[o++] = (byte) (n >>> 8);
            out[o] = (byte) n;
        }
        return out;
    }

    /** True if {@code value} is a String holding canonical base64url of exactly {@code byteLength} bytes. */
    public static boolean isOfLength(Object value, int byteLength) {
        if (!(value instanceof String)) return false;
        String s = (String) value;
        if (s.length() != (byteLength * 4 + 2) / 3) return false;
        try {
            return decode(s).length == byteLength;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
