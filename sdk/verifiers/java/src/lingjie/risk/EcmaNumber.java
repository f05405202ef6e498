package lingjie.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number.prototype.toString()} for finite doubles: the shortest decimal that
 * reads back as the same double (ties to the closer, then the even digit string), laid out as
 * ECMA-262 §6.1.6.1.20 says. RFC 8785 number form, so {@code bizHash} matches the JavaScript side.
 * (JDK 17's Double.toString is neither shortest in every case nor in this layout.)
 */
public final class EcmaNumber {
    private EcmaNumber() {}

    public static String toString(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) throw new IllegalArgumentException("NaN and Infinity are not JSON");
        if (x == 0) return "0"; // also -0
        String sign = x < 0 ? "-" : "";
        double abs = Math.abs(x);
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal chosen = null;
        for (int p = 1; p <= 17 && chosen == null; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean loOk = lo.doubleValue() == abs;
            boolean hiOk = hi.doubleValue() == abs;
            if (loOk && hiOk) {
                int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
                if (cmp < 0) chosen = lo;
                else if (cmp > 0) chosen = hi;
                else chosen = lo.unscaledValue().testBit(0) ? hi : lo;
            } else if (loOk) {
                chosen = lo;
            } else if (hiOk) {
                chosen = hi;
            }
        }
        if (chosen == null) throw new IllegalStateException("no round-trip decimal for " + x);
        chosen = chosen.stripTrailingZeros();
        String digits = chosen.unscaledValue().toString();
        int k = digits.length();
        int n = k - chosen.scale(); // value = digits × 10^(n − k)
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits);
            for (int i = 0; i < n - k; i++) out.append('0');
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = 0; i < -n; i++) out.append('0');
            out.append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) out.append('.').append(digits, 1, k);
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }
}
