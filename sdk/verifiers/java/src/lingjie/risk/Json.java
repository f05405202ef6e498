package lingjie.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON parser with ECMAScript {@code JSON.parse} semantics, because the verifier must accept
 * and refuse exactly what the Node verifier does: whitespace is space/tab/LF/CR only, numbers
 * become doubles (so {@code 1.0} is the integer 1 and {@code 1e400} is Infinity), a repeated
 * member name keeps the last value, {@code \}ud800} escapes may produce lone surrogates.
 *
 * <p>Values: {@link Map} (insertion-ordered), {@link List}, {@link String}, {@link Double},
 * {@link Boolean} and {@link #NULL}. Java {@code null} means "absent". Iterative, so deeply nested
 * input cannot overflow the stack.
 */
public final class Json {
    /** JSON {@code null}, distinct from an absent member. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;
        ParseException(String message, int at) {
            super(message + " at " + at);
        }
    }

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    public static Object parse(String text) throws ParseException {
        return new Json(text).document();
    }

    private Object document() throws ParseException {
        Deque<Object> containers = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        while (true) {
            skipWhitespace();
            Object value;
            char c = peek();
            if (c == '{') {
                pos++;
                skipWhitespace();
                if (peek() == '}') {
                    pos++;
                    value = new LinkedHashMap<String, Object>();
                } else {
                    containers.push(new LinkedHashMap<String, Object>());
                    keys.push(memberName());
                    continue;
                }
            } else if (c == '[') {
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    pos++;
                    value = new ArrayList<Object>();
                } else {
                    containers.push(new ArrayList<Object>());
                    continue;
                }
            } else {
                value = scalar();
            }
            // Attach the value to its container; close every container that ends here.
            while (true) {
                if (containers.isEmpty()) {
                    skipWhitespace();
                    if (pos != s.length()) throw new ParseException("unexpected text after the value", pos);
                    return value;
                }
                Object top = containers.peek();
                if (top instanceof Map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) top;
                    map.put(keys.pop(), value);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) top;
                    list.add(value);
                }
                skipWhitespace();
                char next = next();
                if (next == ',') {
                    if (top instanceof Map) {
                        skipWhitespace();
                        keys.push(memberName());
                    }
                    break;
                }
                if (next == (top instanceof Map ? '}' : ']')) {
                    value = containers.pop();
                    continue;
                }
                throw new ParseException("expected , or the container's end", pos - 1);
            }
        }
    }

    private String memberName() throws ParseException {
        if (peek() != '"') throw new ParseException("expected a member name", pos);
        String name = string();
        skipWhitespace();
        if (next() != ':') throw new ParseException("expected :", pos - 1);
        return name;
    }

    private Object scalar() throws ParseException {
        char c = peek();
        if (c == '"') return string();
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return NULL;
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw new ParseException("unexpected character", pos);
    }

    private Double number() throws ParseException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw new ParseException("bad number", pos);
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw new ParseException("bad fraction", pos);
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw new ParseException("bad exponent", pos);
            while (isDigit(peek())) pos++;
        }
        // Double.parseDouble rounds correctly, as ECMAScript does; overflow gives Infinity there too.
        return Double.parseDouble(s.substring(start, pos));
    }

    private String string() throws ParseException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw new ParseException("unterminated string", pos);
            char c = s.charAt(pos++);
            if (c == '"') return out.toString();
            if (c < 0x20) throw new ParseException("control character in string", pos - 1);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u': {
                    if (pos + 4 > s.length()) throw new ParseException("short \\u escape", pos);
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(pos + i), 16);
                        if (d < 0) throw new ParseException("bad \\u escape", pos + i);
                        cp = cp * 16 + d;
                    }
                    pos += 4;
                    out.append((char) cp);
                    break;
                }
                default:
                    throw new ParseException("bad escape", pos - 1);
            }
        }
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() throws ParseException {
        if (pos >= s.length()) throw new ParseException("unexpected end", pos);
        return s.charAt(pos++);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- typed access, with JavaScript's notion of the types ----

    /** {@code Number.isSafeInteger(v)}. */
    public static boolean isSafeInteger(Object v) {
        if (!(v instanceof Double)) return false;
        double d = (Double) v;
        return !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) <= 9007199254740991.0;
    }

    /** A plain JSON object (not an array, not null). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : null;
    }
}
