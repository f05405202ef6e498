package lingjie.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme over {@link Json} values: members sorted by UTF-16 code
 * units ({@link String#compareTo} compares exactly those), numbers in ECMAScript form, strings
 * escaped as ECMAScript {@code JSON.stringify} does; lone surrogates are refused (I-JSON).
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static String serialize(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v == Json.NULL) {
            out.append("null");
        } else if (v instanceof Boolean) {
            out.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof Number) {
            out.append(EcmaNumber.toString(((Number) v).doubleValue()));
        } else if (v instanceof String) {
            string((String) v, out);
        } else if (v instanceof List) {
            out.append('[');
            boolean first = true;
            for (Object item : (List<?>) v) {
                if (!first) out.append(',');
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (v instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) v;
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) keys.add((String) k);
            keys.sort(null);
            out.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) out.append(',');
                first = false;
                string(k, out);
                out.append(':');
                write(map.get(k), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    throw new IllegalArgumentException("lone surrogate in string");
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) throw new IllegalArgumentException("lone surrogate in string");
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
            }
        }
        out.append('"');
    }
}
