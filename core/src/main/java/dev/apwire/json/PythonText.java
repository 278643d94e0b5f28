package dev.apwire.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * How Python prints JSON values, for the places where the reference server's output contains
 * Python's text: floats on the wire ({@code repr}), {@code InvalidPacket} texts ({@code repr} of a
 * value, {@code <class 'int'>} type names) and data storage {@code %} formatting.
 *
 * <p>Stateless and thread-safe.
 */
public final class PythonText {

    private PythonText() {
    }

    /**
     * {@return Python's {@code repr} of a finite double: the shortest decimal that reads back as the
     * same double (correctly rounded), in fixed notation for decimal exponents -4 to 15 and as
     * {@code 1e+16} otherwise: {@code 1.0}, {@code 1e+21}, {@code 1e-07}, {@code 1795462051.9460378}}
     *
     * @param d a finite double
     */
    public static String floatRepr(double d) {
        if (d == 0.0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = shortest(d);
        String digits = bd.unscaledValue().abs().toString();
        int n = digits.length();
        int pointPos = n - bd.scale();
        int exp = pointPos - 1;
        StringBuilder sb = new StringBuilder(n + 8);
        if (d < 0) {
            sb.append('-');
        }
        if (exp >= -4 && exp < 16) {
            if (pointPos <= 0) {
                sb.append("0.");
                for (int i = 0; i < -pointPos; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (pointPos >= n) {
                sb.append(digits);
                for (int i = n; i < pointPos; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(digits, 0, pointPos).append('.').append(digits, pointPos, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }

    /**
     * The shortest correctly rounded decimal that parses back to {@code d}.
     *
     * <p>{@code Double.toString} always reads back, but Java 17's is not always the shortest. When it
     * has at most 15 significant digits (for a normal double) it is: at most one decimal of 15 digits maps to a double, so no
     * shorter one can. Otherwise, with {@code n} digits, the correctly rounded {@code n}-digit decimal
     * reads back too; it is the answer unless {@code n - 1} digits already read back, and then (rare)
     * a binary search finds the shortest, since reading back is monotonic in the number of digits.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal fromJava = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int n = fromJava.precision();
        if (n <= 15 && Math.abs(d) >= Double.MIN_NORMAL) {
            return fromJava; // (subnormals have fewer significant bits, so the argument does not hold)
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shorter = exact.round(new MathContext(n - 1, RoundingMode.HALF_EVEN));
        if (shorter.doubleValue() != d) {
            return exact.round(new MathContext(n, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        }
        int lo = 1;
        int hi = n - 2;
        BigDecimal best = shorter;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal candidate = exact.round(new MathContext(mid, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                best = candidate;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return best.stripTrailingZeros();
    }

    /**
     * {@return the Python type name of the value a JSON value decodes to: {@code NoneType}, {@code bool},
     * {@code int}, {@code float}, {@code str}, {@code list} or {@code dict}}
     *
     * @param v the value
     */
    public static String typeName(JsonValue v) {
        switch (v.kind()) {
            case NULL:
                return "NoneType";
            case BOOLEAN:
                return "bool";
            case INTEGER:
                return "int";
            case FLOAT:
                return "float";
            case STRING:
                return "str";
            case ARRAY:
                return "list";
            default:
                return "dict";
        }
    }

    /**
     * {@return Python's {@code repr} of the value ({@code {'foo': 1}}, {@code True}, {@code None}), cut
     * to about {@code maxChars} characters with {@code ...} when longer}
     *
     * @param v the value
     * @param maxChars the most characters wanted (the text stops growing soon after)
     */
    public static String repr(JsonValue v, int maxChars) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, v, maxChars);
        return sb.length() > maxChars ? sb.substring(0, maxChars) + "..." : sb.toString();
    }

    private static void appendRepr(StringBuilder sb, JsonValue v, int maxChars) {
        if (sb.length() > maxChars) {
            return;
        }
        switch (v.kind()) {
            case NULL:
                sb.append("None");
                break;
            case BOOLEAN:
                sb.append(((JsonBool) v).value() ? "True" : "False");
                break;
            case INTEGER:
                sb.append(v);
                break;
            case FLOAT:
                sb.append(floatRepr(((JsonFloat) v).value()));
                break;
            case STRING:
                appendStringRepr(sb, ((JsonString) v).value());
                break;
            case ARRAY: {
                sb.append('[');
                boolean first = true;
                for (JsonValue e : ((JsonArray) v).elements()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    appendRepr(sb, e, maxChars);
                }
                sb.append(']');
                break;
            }
            default: {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    appendStringRepr(sb, e.getKey());
                    sb.append(": ");
                    appendRepr(sb, e.getValue(), maxChars);
                }
                sb.append('}');
                break;
            }
        }
    }

    /**
     * Appends Python's {@code repr} of a string: single quotes unless the text has a single and no
     * double quote; escapes for backslash, the quote, {@code \t \n \r}, and {@code \xhh}, {@code \\uhhhh},
     * {@code \Uhhhhhhhh} for what {@code str.isprintable} rejects.
     *
     * @param out where to append
     * @param s the string
     */
    public static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < ' ' || c == 0x7f) {
                hex(out, c, 'x', 2);
            } else if (c < 0x7f || isPrintable(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xff) {
                hex(out, c, 'x', 2);
            } else if (c <= 0xffff) {
                hex(out, c, 'u', 4);
            } else {
                hex(out, c, 'U', 8);
            }
        }
        out.append(quote);
    }

    private static void hex(StringBuilder out, int c, char tag, int width) {
        String h = Integer.toHexString(c);
        out.append('\\').append(tag);
        for (int k = h.length(); k < width; k++) {
            out.append('0');
        }
        out.append(h);
    }

    /**
     * {@return Python's {@code str.isprintable} for one code point: not a control, format, surrogate,
     * private-use, unassigned or separator character (the space excepted)}
     *
     * @param c the code point
     */
    public static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            case Character.SPACE_SEPARATOR:
                return c == ' ';
            default:
                return true;
        }
    }
}
