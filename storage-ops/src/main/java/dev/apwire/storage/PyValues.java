package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.OperationType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Python's view of JSON values: type names, {@code bool} as an {@code int}, exact numeric comparison
 * across int and float, {@code ==}, ordering and hashability. Stateless.
 */
final class PyValues {

    private PyValues() {
    }

    /** {@return the Python type name of a value, as Python's error messages print it} */
    static String typeName(JsonValue v) {
        return PythonText.typeName(v);
    }

    static boolean isIntLike(JsonValue v) {
        return v instanceof JsonInt || v instanceof JsonBool;
    }

    /** {@return whether the value is a Python number: bool, int or float} */
    static boolean isNumber(JsonValue v) {
        return isIntLike(v) || v instanceof JsonFloat;
    }

    /** {@return whether an int-like value fits a {@code long}} */
    static boolean fitsLong(JsonValue v) {
        return v instanceof JsonBool || ((JsonInt) v).fitsLong();
    }

    /** {@return an int-like value as a {@code long}; the caller has checked {@link #fitsLong}} */
    static long longOf(JsonValue v) {
        if (v instanceof JsonBool) {
            return ((JsonBool) v).value() ? 1 : 0;
        }
        return ((JsonInt) v).longValue();
    }

    /** {@return an int-like value as a {@link BigInteger}} */
    static BigInteger bigOf(JsonValue v) {
        if (v instanceof JsonBool) {
            return ((JsonBool) v).value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return ((JsonInt) v).bigIntegerValue();
    }

    /**
     * {@return a number as a double, the way Python's {@code float(x)} converts it (correctly rounded)}
     *
     * @param op the operation, for the error
     * @param v a bool, int or float
     * @throws StorageException if an int is too large for a double (Python's {@code OverflowError})
     */
    static double toDouble(OperationType op, JsonValue v) {
        if (v instanceof JsonFloat) {
            return ((JsonFloat) v).value();
        }
        if (fitsLong(v)) {
            return (double) longOf(v);
        }
        double d = bigOf(v).doubleValue();
        if (Double.isInfinite(d)) {
            throw new StorageException(op, StorageErrorKind.TOO_LARGE, "int too large to convert to float");
        }
        return d;
    }

    private static final double TWO_63 = 0x1p63;

    /** {@return the exact three-way comparison of two Python numbers, as Python compares int and float} */
    static int compareNumbers(JsonValue a, JsonValue b) {
        if (a instanceof JsonFloat && b instanceof JsonFloat) {
            return Double.compare(((JsonFloat) a).value() + 0.0, ((JsonFloat) b).value() + 0.0);
        }
        if (isIntLike(a) && isIntLike(b)) {
            if (fitsLong(a) && fitsLong(b)) {
                return Long.compare(longOf(a), longOf(b));
            }
            return bigOf(a).compareTo(bigOf(b));
        }
        if (a instanceof JsonFloat) {
            return -compareIntFloat(b, ((JsonFloat) a).value());
        }
        return compareIntFloat(a, ((JsonFloat) b).value());
    }

    /** Exact comparison of an int with a finite double, without decimal conversions. */
    private static int compareIntFloat(JsonValue x, double d) {
        if (d >= TWO_63 || d < -TWO_63) {
            // |d| >= 2^63 > 2^52, so d is integral
            return fitsLong(x) ? (d > 0 ? -1 : 1) : bigOf(x).compareTo(integralBig(d));
        }
        if (!fitsLong(x)) {
            return bigOf(x).signum();
        }
        long v = longOf(x);
        long t = (long) d;
        if (v != t) {
            return Long.compare(v, t);
        }
        return d > t ? -1 : d < t ? 1 : 0;
    }

    /** {@return an integral finite double as an exact BigInteger, from its bits} */
    static BigInteger integralBig(double d) {
        if (Math.abs(d) < TWO_63) {
            return BigInteger.valueOf((long) d);
        }
        long bits = Double.doubleToRawLongBits(d);
        int exponent = (int) ((bits >> 52) & 0x7ff) - 1075;
        long mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
        BigInteger r = BigInteger.valueOf(mantissa).shiftLeft(exponent);
        return d < 0 ? r.negate() : r;
    }

    /** {@return Python's {@code a == b}: numbers by value (1 == 1.0 == True), lists and dicts deeply} */
    static boolean pyEquals(JsonValue a, JsonValue b) {
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(a, b) == 0;
        }
        if (a.kind() != b.kind()) {
            return false;
        }
        switch (a.kind()) {
            case NULL:
                return true;
            case STRING:
                return a.equals(b);
            case ARRAY: {
                List<JsonValue> x = ((JsonArray) a).elements();
                List<JsonValue> y = ((JsonArray) b).elements();
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!pyEquals(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case OBJECT: {
                Map<String, JsonValue> x = ((JsonObject) a).members();
                Map<String, JsonValue> y = ((JsonObject) b).members();
                if (x.size() != y.size()) {
                    return false;
                }
                for (Map.Entry<String, JsonValue> e : x.entrySet()) {
                    JsonValue other = y.get(e.getKey());
                    if (other == null || !pyEquals(e.getValue(), other)) {
                        return false;
                    }
                }
                return true;
            }
            default:
                throw new AssertionError(a.kind());
        }
    }

    /**
     * {@return Python's ordering of two values: negative, zero or positive}
     *
     * <p>Numbers compare exactly, strings by code point, lists lexicographically (the first elements
     * that differ under {@code ==} decide, then the lengths). Anything else is unordered.
     *
     * @param op the operation, for the error
     * @param symbol the comparison Python would apply ({@code >} for max, {@code <} for min), for the error
     * @param a the left operand
     * @param b the right operand
     * @throws StorageException if the values cannot be ordered (Python's {@code TypeError})
     */
    static int compare(OperationType op, String symbol, JsonValue a, JsonValue b) {
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(a, b);
        }
        if (a instanceof JsonString && b instanceof JsonString) {
            return compareCodePoints(((JsonString) a).value(), ((JsonString) b).value());
        }
        if (a instanceof JsonArray && b instanceof JsonArray) {
            List<JsonValue> x = ((JsonArray) a).elements();
            List<JsonValue> y = ((JsonArray) b).elements();
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (!pyEquals(x.get(i), y.get(i))) {
                    return compare(op, symbol, x.get(i), y.get(i));
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new StorageException(op, StorageErrorKind.TYPE_MISMATCH,
                "'" + symbol + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * {@return a key with Java equality matching Python's {@code ==} and hash for a hashable value}
     *
     * <p>Equal numbers map to the same key (1, 1.0 and True all become the integer 1).
     *
     * @param op the operation, for the error
     * @param v the value
     * @throws StorageException if the value is a list or dict (Python's "unhashable type")
     */
    static JsonValue hashKey(OperationType op, JsonValue v) {
        if (v instanceof JsonArray || v instanceof JsonObject) {
            throw new StorageException(op, StorageErrorKind.TYPE_MISMATCH, "unhashable type: '" + typeName(v) + "'");
        }
        if (v instanceof JsonBool) {
            return JsonInt.of(longOf(v));
        }
        if (v instanceof JsonFloat) {
            double d = ((JsonFloat) v).value();
            if (d == Math.rint(d)) {
                return JsonInt.of(integralBig(d));
            }
            return v;
        }
        return v;
    }

    /** {@return the code point count of a string, the length Python reports} */
    static long length(JsonString s) {
        String v = s.value();
        return v.codePointCount(0, v.length());
    }

    /** {@return the JSON null, a shorthand} */
    static JsonValue none() {
        return JsonNull.INSTANCE;
    }
}
