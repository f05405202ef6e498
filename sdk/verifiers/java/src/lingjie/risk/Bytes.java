package lingjie.risk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Byte layouts of PROTOCOL.md §2: ascii, u64 big-endian, length-prefixed concatenation LP(…). */
final class Bytes {
    private Bytes() {}

    static byte[] ascii(String s) {
        for (int i = 0; i < s.length(); i++)
            if (s.charAt(i) > 0x7f) throw new IllegalArgumentException("non-ASCII character");
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] u64(long n) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--, n >>>= 8) out[i] = (byte) n;
        return out;
    }

    /** u16(len(f1)) ‖ f1 ‖ … ‖ u16(len(fn)) ‖ fn */
    static byte[] lengthPrefixed(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : fields) {
            if (f.length > 0xffff) throw new IllegalArgumentException("field too long");
            out.write(f.length >>> 8);
            out.write(f.length & 0xff);
            out.write(f, 0, f.length);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] slice(byte[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
