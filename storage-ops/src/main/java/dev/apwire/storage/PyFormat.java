package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.OperationType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Python's {@code str % value} (printf-style formatting) for the conversions {@code %s}, {@code %d},
 * {@code %i}, {@code %%} and the keyed form {@code %(name)s}, and Python's {@code str()} / {@code repr()}
 * of JSON values. Other conversions, flags, widths and precisions are rejected with a clear error
 * rather than half-supported. The output is bounded as it is built.
 */
final class PyFormat {

    private final OperationType op;
    private final StorageLimits limits;
    private final StringBuilder out = new StringBuilder();

    private PyFormat(OperationType op, StorageLimits limits) {
        this.op = op;
        this.limits = limits;
    }

    /**
     * {@return Python's {@code format % arg}}
     *
     * <p>JSON has no tuples, so the argument is always one object. As in Python, a list or dict
     * argument counts as a mapping: it may be formatted whole by {@code %s}, and it does not trigger
     * "not all arguments converted" when the format uses no argument.
     *
     * @param op the operation, for errors
     * @param limits the bound on the result length
     * @param format the format string (the current value)
     * @param arg the argument (the operation's value)
     */
    static JsonString format(OperationType op, StorageLimits limits, String format, JsonValue arg) {
        PyFormat f = new PyFormat(op, limits);
        boolean mapping = arg instanceof JsonArray || arg instanceof JsonObject;
        JsonValue current = arg;
        boolean consumed = false;
        int i = 0;
        int n = format.length();
        while (i < n) {
            int pct = format.indexOf('%', i);
            if (pct < 0) {
                f.append(format, i, n);
                break;
            }
            f.append(format, i, pct);
            i = pct + 1;
            if (i >= n) {
                throw f.invalid("incomplete format");
            }
            char c = format.charAt(i);
            if (c == '(') {
                int depth = 1;
                int start = i + 1;
                int j = start;
                while (j < n && depth > 0) {
                    char k = format.charAt(j);
                    if (k == '(') {
                        depth++;
                    } else if (k == ')') {
                        depth--;
                    }
                    j++;
                }
                if (depth > 0) {
                    throw f.invalid("incomplete format key");
                }
                String key = format.substring(start, j - 1);
                if (!mapping) {
                    throw f.type("format requires a mapping");
                }
                if (arg instanceof JsonArray) {
                    throw f.type("list indices must be integers or slices, not str");
                }
                JsonValue found = ((JsonObject) arg).get(key);
                if (found == null) {
                    throw f.invalid("format key '" + key + "' is missing from the argument");
                }
                current = found;
                consumed = false;
                i = j;
                if (i >= n) {
                    throw f.invalid("incomplete format");
                }
                c = format.charAt(i);
            }
            i++;
            if (c == '%') {
                f.out.append('%');
                continue;
            }
            if (c != 's' && c != 'd' && c != 'i') {
                throw f.invalid("unsupported format '%" + c + "' (apwire supports %s, %d, %i, %% and %(name)s)");
            }
            if (consumed) {
                throw f.type("not enough arguments for format string");
            }
            consumed = true;
            if (c == 's') {
                f.str(current);
            } else {
                f.integer(current);
            }
            f.checkLength();
        }
        if (!consumed && !mapping) {
            throw f.type("not all arguments converted during string formatting");
        }
        String result = f.out.toString();
        if (result.codePointCount(0, result.length()) > limits.maxLength()) {
            throw f.tooLong();
        }
        return new JsonString(result);
    }

    /**
     * {@return Python's {@code str(v)}}
     *
     * @param op the operation, for errors
     * @param limits the bound on the result length
     * @param v the value
     */
    static String str(OperationType op, StorageLimits limits, JsonValue v) {
        PyFormat f = new PyFormat(op, limits);
        f.str(v);
        return f.out.toString();
    }

    private void append(String s, int from, int to) {
        out.append(s, from, to);
        checkLength();
    }

    private void checkLength() {
        // UTF-16 units are at most twice the code points: a cheap early stop, the exact check comes last.
        if (out.length() > 2L * limits.maxLength()) {
            throw tooLong();
        }
    }

    private StorageException tooLong() {
        return new StorageException(op, StorageErrorKind.TOO_LARGE, "result would be longer than " + limits.maxLength() + " characters");
    }

    private StorageException invalid(String reason) {
        return new StorageException(op, StorageErrorKind.INVALID_VALUE, reason);
    }

    private StorageException type(String reason) {
        return new StorageException(op, StorageErrorKind.TYPE_MISMATCH, reason);
    }

    private void integer(JsonValue v) {
        if (PyValues.isIntLike(v)) {
            appendInt(PyValues.bigOf(v));
        } else if (v instanceof JsonFloat) {
            appendInt(new BigDecimal(((JsonFloat) v).value()).toBigInteger());
        } else {
            throw type("%d format: a real number is required, not " + PyValues.typeName(v));
        }
    }

    private void appendInt(BigInteger v) {
        // 4 bits per digit is a safe overestimate: reject without the quadratic conversion first.
        String digits = v.bitLength() > 4L * limits.maxIntegerDigits() ? null : v.abs().toString();
        if (digits == null || digits.length() > limits.maxIntegerDigits()) {
            throw new StorageException(op, StorageErrorKind.TOO_LARGE,
                    "integer has more than " + limits.maxIntegerDigits() + " decimal digits");
        }
        if (v.signum() < 0) {
            out.append('-');
        }
        out.append(digits);
    }

    private void str(JsonValue v) {
        if (v instanceof JsonString) {
            out.append(((JsonString) v).value());
        } else {
            repr(v);
        }
    }

    private void repr(JsonValue v) {
        checkLength();
        switch (v.kind()) {
            case NULL:
                out.append("None");
                break;
            case BOOLEAN:
                out.append(((JsonBool) v).value() ? "True" : "False");
                break;
            case INTEGER:
                appendInt(((JsonInt) v).bigIntegerValue());
                break;
            case FLOAT:
                out.append(floatRepr(((JsonFloat) v).value()));
                break;
            case STRING:
                stringRepr(((JsonString) v).value());
                break;
            case ARRAY: {
                out.append('[');
                boolean first = true;
                for (JsonValue e : ((JsonArray) v).elements()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    repr(e);
                }
                out.append(']');
                break;
            }
            case OBJECT: {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    stringRepr(e.getKey());
                    out.append(": ");
                    repr(e.getValue());
                }
                out.append('}');
                break;
            }
            default:
                throw new AssertionError(v.kind());
        }
    }

    /** Python's {@code repr(str)}: single quotes unless the text has a single and no double quote. */
    private void stringRepr(String s) {
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
                hex(c, 'x', 2);
            } else if (c < 0x7f || isPrintable(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xff) {
                hex(c, 'x', 2);
            } else if (c <= 0xffff) {
                hex(c, 'u', 4);
            } else {
                hex(c, 'U', 8);
            }
        }
        out.append(quote);
    }

    private void hex(int c, char tag, int width) {
        String h = Integer.toHexString(c);
        out.append('\\').append(tag);
        for (int k = h.length(); k < width; k++) {
            out.append('0');
        }
        out.append(h);
    }

    /** Python's {@code str.isprintable} for one code point: not a control, format, surrogate, private, unassigned or separator (space excepted). */
    private static boolean isPrintable(int c) {
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

    /**
     * {@return Python's {@code repr(float)}: the shortest digits that read back as the same double,
     * in fixed notation for decimal exponents from -4 to 15 and as {@code 1.5e+16} otherwise}
     *
     * @param d a finite double
     */
    static String floatRepr(double d) {
        if (d == 0.0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-r.scale());
            BigDecimal found = null;
            for (BigDecimal cand : new BigDecimal[] {r, r.add(unit), r.subtract(unit)}) {
                if (cand.doubleValue() == d && cand.precision() <= p
                        && (found == null || cand.subtract(exact).abs().compareTo(found.subtract(exact).abs()) < 0)) {
                    found = cand;
                }
            }
            if (found != null) {
                best = found;
                break;
            }
        }
        best = best.stripTrailingZeros();
        String digits = best.unscaledValue().abs().toString();
        int decpt = digits.length() - best.scale();
        StringBuilder s = new StringBuilder();
        if (d < 0) {
            s.append('-');
        }
        if (decpt <= -4 || decpt > 16) {
            s.append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            s.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                s.append('0');
            }
            s.append(a);
        } else if (decpt <= 0) {
            s.append("0.");
            for (int k = 0; k < -decpt; k++) {
                s.append('0');
            }
            s.append(digits);
        } else if (decpt >= digits.length()) {
            s.append(digits);
            for (int k = digits.length(); k < decpt; k++) {
                s.append('0');
            }
            s.append(".0");
        } else {
            s.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return s.toString();
    }
}
