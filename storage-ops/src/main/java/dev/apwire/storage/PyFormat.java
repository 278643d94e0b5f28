package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.OperationType;
import java.math.BigDecimal;
import java.math.BigInteger;
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

    /** Python's {@code repr(str)}. */
    private void stringRepr(String s) {
        PythonText.appendStringRepr(out, s);
    }

    /**
     * {@return Python's {@code repr(float)}}
     *
     * @param d a finite double
     */
    static String floatRepr(double d) {
        return PythonText.floatRepr(d);
    }
}
