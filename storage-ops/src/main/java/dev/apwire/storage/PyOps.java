package dev.apwire.storage;

import static dev.apwire.storage.PyValues.bigOf;
import static dev.apwire.storage.PyValues.fitsLong;
import static dev.apwire.storage.PyValues.isIntLike;
import static dev.apwire.storage.PyValues.isNumber;
import static dev.apwire.storage.PyValues.longOf;
import static dev.apwire.storage.PyValues.toDouble;
import static dev.apwire.storage.PyValues.typeName;

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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 18 operations with the reference server's Python semantics (§1.1), each computing
 * {@code f(current, value)} into a new immutable value.
 *
 * <p>Every size that could grow without bound is checked against {@link StorageLimits} before the
 * work is done (pow, shifts, multiplication and repetition, concatenation, merges); integer results
 * are then checked exactly. One instance per call: it holds the operation (for error messages) and
 * the limits.
 */
final class PyOps {
    private static final double LOG10_2 = Math.log10(2);
    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** 10^maxIntegerDigits for each limit in use: the exclusive bound on an integer result's magnitude. */
    private static final Map<Integer, BigInteger> INT_BOUNDS = new ConcurrentHashMap<>();

    private final OperationType op;
    private final StorageLimits limits;

    PyOps(OperationType op, StorageLimits limits) {
        this.op = op;
        this.limits = limits;
    }

    /** {@return the result of the operation on a current value and an argument} */
    JsonValue apply(JsonValue current, JsonValue value) {
        switch (op.name()) {
            case "replace":
                return value;
            case "default":
                return current;
            case "add":
                return add(current, value);
            case "mul":
                return mul(current, value);
            case "pow":
                return pow(current, value);
            case "mod":
                return mod(current, value);
            case "floor":
                return round(current, RoundingMode.FLOOR);
            case "ceil":
                return round(current, RoundingMode.CEILING);
            case "max":
                return PyValues.compare(op, ">", value, current) > 0 ? value : current;
            case "min":
                return PyValues.compare(op, "<", value, current) < 0 ? value : current;
            case "and":
            case "or":
            case "xor":
                return bitwise(current, value);
            case "left_shift":
                return leftShift(current, value);
            case "right_shift":
                return rightShift(current, value);
            case "remove":
                return remove(current, value);
            case "pop":
                return pop(current, value);
            case "update":
                return update(current, value);
            default:
                throw new StorageException(op, StorageErrorKind.UNKNOWN_OPERATION, "unknown operation");
        }
    }

    // ---- errors and bounds

    private StorageException error(StorageErrorKind kind, String reason) {
        return new StorageException(op, kind, reason);
    }

    private StorageException unsupported(String symbol, JsonValue a, JsonValue b) {
        return error(StorageErrorKind.TYPE_MISMATCH,
                "unsupported operand type(s) for " + symbol + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private StorageException noAttribute(JsonValue container, String method) {
        return error(StorageErrorKind.TYPE_MISMATCH, "'" + typeName(container) + "' object has no attribute '" + method + "'");
    }

    private StorageException intTooLarge() {
        return error(StorageErrorKind.TOO_LARGE, "result would have more than " + limits.maxIntegerDigits() + " decimal digits");
    }

    private StorageException tooLong(long length) {
        return error(StorageErrorKind.TOO_LARGE,
                "result would have " + length + " elements, more than the limit of " + limits.maxLength());
    }

    /** The most bits an in-bound integer can have: |x| < 10^d implies bitLength <= d*log2(10). */
    private long maxBits() {
        return (long) Math.ceil(limits.maxIntegerDigits() * LOG2_10);
    }

    private JsonInt checked(long v) {
        if (limits.maxIntegerDigits() < 19) {
            return checked(BigInteger.valueOf(v));
        }
        return JsonInt.of(v);
    }

    private JsonInt checked(BigInteger v) {
        int d = limits.maxIntegerDigits();
        int bits = v.bitLength();
        if (bits <= Math.floor(d * LOG2_10) - 1) {
            return JsonInt.of(v);
        }
        if (bits > maxBits() + 1) {
            throw intTooLarge();
        }
        BigInteger bound = INT_BOUNDS.computeIfAbsent(d, BigInteger.TEN::pow);
        if (v.abs().compareTo(bound) >= 0) {
            throw intTooLarge();
        }
        return JsonInt.of(v);
    }

    private JsonFloat finite(double d) {
        if (!Double.isFinite(d)) {
            throw error(StorageErrorKind.NOT_FINITE, "result is not finite");
        }
        return new JsonFloat(d);
    }

    private void checkLength(long length) {
        if (length > limits.maxLength()) {
            throw tooLong(length);
        }
    }

    // ---- arithmetic

    private JsonValue add(JsonValue a, JsonValue b) {
        if (isIntLike(a) && isIntLike(b)) {
            if (fitsLong(a) && fitsLong(b)) {
                long x = longOf(a);
                long y = longOf(b);
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    return checked(r);
                }
            }
            return checked(bigOf(a).add(bigOf(b)));
        }
        if (isNumber(a) && isNumber(b)) {
            return finite(toDouble(op, a) + toDouble(op, b));
        }
        if (a instanceof JsonString && b instanceof JsonString) {
            String x = ((JsonString) a).value();
            String y = ((JsonString) b).value();
            checkLength(PyValues.length((JsonString) a) + PyValues.length((JsonString) b));
            return new JsonString(x + y);
        }
        if (a instanceof JsonArray && b instanceof JsonArray) {
            List<JsonValue> x = ((JsonArray) a).elements();
            List<JsonValue> y = ((JsonArray) b).elements();
            checkLength((long) x.size() + y.size());
            List<JsonValue> r = new ArrayList<>(x.size() + y.size());
            r.addAll(x);
            r.addAll(y);
            return JsonArray.of(r);
        }
        throw unsupported("+", a, b);
    }

    private JsonValue mul(JsonValue a, JsonValue b) {
        if (isIntLike(a) && isIntLike(b)) {
            if (fitsLong(a) && fitsLong(b)) {
                long x = longOf(a);
                long y = longOf(b);
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return checked(lo);
                }
            }
            BigInteger x = bigOf(a);
            BigInteger y = bigOf(b);
            if (x.signum() == 0 || y.signum() == 0) {
                return JsonInt.of(0);
            }
            // |x*y| >= 2^(bits(x)-1 + bits(y)-1): reject before multiplying when that alone is over.
            if ((long) x.bitLength() + y.bitLength() - 2 > maxBits()) {
                throw intTooLarge();
            }
            return checked(x.multiply(y));
        }
        if (isNumber(a) && isNumber(b)) {
            return finite(toDouble(op, a) * toDouble(op, b));
        }
        if ((a instanceof JsonString || a instanceof JsonArray) && isIntLike(b)) {
            return repeat(a, bigOf(b));
        }
        if (isIntLike(a) && (b instanceof JsonString || b instanceof JsonArray)) {
            return repeat(b, bigOf(a));
        }
        throw unsupported("*", a, b);
    }

    private JsonValue repeat(JsonValue seq, BigInteger count) {
        if (count.compareTo(LONG_MIN) < 0 || count.compareTo(LONG_MAX) > 0) {
            throw error(StorageErrorKind.TOO_LARGE, "cannot fit 'int' into an index-sized integer");
        }
        long n = Math.max(0, count.longValue());
        if (seq instanceof JsonString) {
            JsonString s = (JsonString) seq;
            long len = PyValues.length(s);
            if (len == 0 || n == 0) {
                return JsonString.EMPTY;
            }
            if (len > limits.maxLength() / n) {
                throw tooLong(Math.multiplyHigh(len, n) != 0 ? Long.MAX_VALUE : len * n);
            }
            return new JsonString(s.value().repeat((int) n));
        }
        List<JsonValue> elements = ((JsonArray) seq).elements();
        long len = elements.size();
        if (len == 0 || n == 0) {
            return JsonArray.EMPTY;
        }
        if (len > limits.maxLength() / n) {
            throw tooLong(Math.multiplyHigh(len, n) != 0 ? Long.MAX_VALUE : len * n);
        }
        List<JsonValue> r = new ArrayList<>((int) (len * n));
        for (long k = 0; k < n; k++) {
            r.addAll(elements);
        }
        return JsonArray.of(r);
    }

    private JsonValue pow(JsonValue a, JsonValue b) {
        if (isIntLike(a) && isIntLike(b)) {
            BigInteger e = bigOf(b);
            if (e.signum() < 0) {
                return floatPow(toDouble(op, a), toDouble(op, b));
            }
            BigInteger x = bigOf(a);
            if (x.signum() == 0) {
                return JsonInt.of(e.signum() == 0 ? 1 : 0);
            }
            if (x.equals(BigInteger.ONE)) {
                return JsonInt.of(1);
            }
            if (x.equals(BigInteger.ONE.negate())) {
                return JsonInt.of(e.testBit(0) ? -1 : 1);
            }
            // |x| >= 2 from here: |x|^e has more than e*log10|x| digits.
            double log10x = x.bitLength() < 1000 ? Math.log10(Math.abs(x.doubleValue())) : (x.bitLength() - 1) * LOG10_2;
            if (e.bitLength() > 31 || e.intValue() * log10x > limits.maxIntegerDigits() + 1) {
                throw intTooLarge();
            }
            return checked(x.pow(e.intValue()));
        }
        if (isNumber(a) && isNumber(b)) {
            return floatPow(toDouble(op, a), toDouble(op, b));
        }
        throw unsupported("** or pow()", a, b);
    }

    /** CPython's {@code float_pow} for finite operands. */
    private JsonValue floatPow(double x, double y) {
        if (y == 0.0 || x == 1.0) {
            return new JsonFloat(1.0);
        }
        if (x == 0.0) {
            if (y < 0.0) {
                throw error(StorageErrorKind.DIVISION_BY_ZERO, "0.0 cannot be raised to a negative power");
            }
            return new JsonFloat(isOddInteger(y) ? x : 0.0);
        }
        boolean negate = false;
        double base = x;
        if (base < 0.0) {
            if (y != Math.floor(y)) {
                throw error(StorageErrorKind.COMPLEX_RESULT, "a negative number to a fractional power gives a complex number");
            }
            base = -base;
            negate = isOddInteger(y);
        }
        if (base == 1.0) {
            return new JsonFloat(negate ? -1.0 : 1.0);
        }
        // Math.pow: on HotSpot it agrees with glibc (which CPython uses) where StrictMath (fdlibm) can differ in the last bit.
        double r = Math.pow(base, y);
        if (Double.isInfinite(r)) {
            throw error(StorageErrorKind.NOT_FINITE, "result is not finite (numerical result out of range)");
        }
        return new JsonFloat(negate ? -r : r);
    }

    private static boolean isOddInteger(double y) {
        return Math.abs(y) % 2.0 == 1.0;
    }

    private JsonValue mod(JsonValue a, JsonValue b) {
        if (a instanceof JsonString) {
            return PyFormat.format(op, limits, ((JsonString) a).value(), b);
        }
        if (isIntLike(a) && isIntLike(b)) {
            if (fitsLong(a) && fitsLong(b)) {
                long y = longOf(b);
                if (y == 0) {
                    throw error(StorageErrorKind.DIVISION_BY_ZERO, "integer modulo by zero");
                }
                return checked(Math.floorMod(longOf(a), y));
            }
            BigInteger y = bigOf(b);
            if (y.signum() == 0) {
                throw error(StorageErrorKind.DIVISION_BY_ZERO, "integer modulo by zero");
            }
            BigInteger r = bigOf(a).remainder(y);
            if (r.signum() != 0 && r.signum() != y.signum()) {
                r = r.add(y);
            }
            return checked(r);
        }
        if (isNumber(a) && isNumber(b)) {
            double x = toDouble(op, a);
            double y = toDouble(op, b);
            if (y == 0.0) {
                throw error(StorageErrorKind.DIVISION_BY_ZERO, "float modulo");
            }
            double m = x % y;
            if (m != 0.0) {
                if ((y < 0) != (m < 0)) {
                    m += y;
                }
            } else {
                m = Math.copySign(0.0, y);
            }
            return finite(m);
        }
        throw unsupported("%", a, b);
    }

    private JsonValue round(JsonValue a, RoundingMode mode) {
        if (isIntLike(a)) {
            return a instanceof JsonBool ? JsonInt.of(longOf(a)) : a;
        }
        if (a instanceof JsonFloat) {
            return checked(new BigDecimal(((JsonFloat) a).value()).setScale(0, mode).toBigIntegerExact());
        }
        throw error(StorageErrorKind.TYPE_MISMATCH, "must be real number, not " + typeName(a));
    }

    // ---- bitwise

    private JsonValue bitwise(JsonValue a, JsonValue b) {
        String name = op.name();
        String symbol = name.equals("and") ? "&" : name.equals("or") ? "|" : "^";
        if (a instanceof JsonBool && b instanceof JsonBool) {
            boolean x = ((JsonBool) a).value();
            boolean y = ((JsonBool) b).value();
            return JsonBool.of(symbol.equals("&") ? x & y : symbol.equals("|") ? x | y : x ^ y);
        }
        if (isIntLike(a) && isIntLike(b)) {
            if (fitsLong(a) && fitsLong(b)) {
                long x = longOf(a);
                long y = longOf(b);
                return checked(symbol.equals("&") ? x & y : symbol.equals("|") ? x | y : x ^ y);
            }
            BigInteger x = bigOf(a);
            BigInteger y = bigOf(b);
            return checked(symbol.equals("&") ? x.and(y) : symbol.equals("|") ? x.or(y) : x.xor(y));
        }
        if (symbol.equals("|") && a instanceof JsonObject && b instanceof JsonObject) {
            return merge((JsonObject) a, ((JsonObject) b).members());
        }
        throw unsupported(symbol, a, b);
    }

    private JsonObject merge(JsonObject a, Map<String, JsonValue> b) {
        LinkedHashMap<String, JsonValue> r = new LinkedHashMap<>(a.members());
        long newKeys = 0;
        for (String k : b.keySet()) {
            if (!r.containsKey(k)) {
                newKeys++;
            }
        }
        checkLength(r.size() + newKeys);
        r.putAll(b);
        return JsonObject.adopt(r);
    }

    private JsonValue leftShift(JsonValue a, JsonValue b) {
        if (!isIntLike(a) || !isIntLike(b)) {
            throw unsupported("<<", a, b);
        }
        BigInteger n = bigOf(b);
        if (n.signum() < 0) {
            throw error(StorageErrorKind.NEGATIVE_SHIFT, "negative shift count");
        }
        BigInteger x = bigOf(a);
        if (x.signum() == 0) {
            return JsonInt.of(0);
        }
        // |x << n| >= 2^(bits(x)-1+n): reject before shifting when that alone is over.
        if (n.bitLength() > 31 || x.bitLength() - 1L + n.longValue() > maxBits()) {
            throw intTooLarge();
        }
        return checked(x.shiftLeft(n.intValue()));
    }

    private JsonValue rightShift(JsonValue a, JsonValue b) {
        if (!isIntLike(a) || !isIntLike(b)) {
            throw unsupported(">>", a, b);
        }
        BigInteger n = bigOf(b);
        if (n.signum() < 0) {
            throw error(StorageErrorKind.NEGATIVE_SHIFT, "negative shift count");
        }
        BigInteger x = bigOf(a);
        if (n.bitLength() > 31) {
            return JsonInt.of(x.signum() < 0 ? -1 : 0);
        }
        return checked(x.shiftRight(n.intValue()));
    }

    // ---- containers

    private JsonValue remove(JsonValue container, JsonValue value) {
        if (!(container instanceof JsonArray)) {
            throw noAttribute(container, "remove");
        }
        List<JsonValue> elements = ((JsonArray) container).elements();
        for (int i = 0; i < elements.size(); i++) {
            if (PyValues.pyEquals(elements.get(i), value)) {
                List<JsonValue> r = new ArrayList<>(elements);
                r.remove(i);
                return JsonArray.of(r);
            }
        }
        return container;
    }

    private JsonValue pop(JsonValue container, JsonValue value) {
        if (container instanceof JsonArray) {
            List<JsonValue> elements = ((JsonArray) container).elements();
            if (!isIntLike(value)) {
                throw error(StorageErrorKind.TYPE_MISMATCH, "'" + typeName(value) + "' object cannot be interpreted as an integer");
            }
            BigInteger index = bigOf(value);
            int size = elements.size();
            if (index.compareTo(BigInteger.valueOf(size)) >= 0) {
                return container;
            }
            if (size == 0) {
                throw error(StorageErrorKind.INDEX_OUT_OF_RANGE, "pop from empty list");
            }
            if (index.compareTo(BigInteger.valueOf(-size)) < 0) {
                throw error(StorageErrorKind.INDEX_OUT_OF_RANGE, "pop index out of range");
            }
            int i = index.intValue();
            List<JsonValue> r = new ArrayList<>(elements);
            r.remove(i < 0 ? size + i : i);
            return JsonArray.of(r);
        }
        if (container instanceof JsonObject) {
            PyValues.hashKey(op, value);
            JsonObject object = (JsonObject) container;
            if (!(value instanceof JsonString) || !object.members().containsKey(((JsonString) value).value())) {
                return container;
            }
            LinkedHashMap<String, JsonValue> r = new LinkedHashMap<>(object.members());
            r.remove(((JsonString) value).value());
            return JsonObject.adopt(r);
        }
        throw noAttribute(container, "pop");
    }

    private JsonValue update(JsonValue container, JsonValue entries) {
        if (container instanceof JsonArray) {
            List<JsonValue> elements = ((JsonArray) container).elements();
            Set<JsonValue> existing = new HashSet<>();
            for (JsonValue e : elements) {
                existing.add(PyValues.hashKey(op, e));
            }
            List<JsonValue> added = new ArrayList<>();
            for (JsonValue e : iterate(entries)) {
                if (!existing.contains(PyValues.hashKey(op, e))) {
                    added.add(e);
                }
            }
            if (added.isEmpty()) {
                return container;
            }
            checkLength((long) elements.size() + added.size());
            List<JsonValue> r = new ArrayList<>(elements.size() + added.size());
            r.addAll(elements);
            r.addAll(added);
            return JsonArray.of(r);
        }
        if (container instanceof JsonObject) {
            JsonObject object = (JsonObject) container;
            if (entries instanceof JsonObject) {
                return merge(object, ((JsonObject) entries).members());
            }
            LinkedHashMap<String, JsonValue> pairs = new LinkedHashMap<>();
            int index = 0;
            for (JsonValue pair : iterate(entries)) {
                List<JsonValue> kv;
                if (pair instanceof JsonArray || pair instanceof JsonString || pair instanceof JsonObject) {
                    kv = iterate(pair);
                } else {
                    throw error(StorageErrorKind.TYPE_MISMATCH, "cannot convert dictionary update sequence element #" + index + " to a sequence");
                }
                if (kv.size() != 2) {
                    throw error(StorageErrorKind.INVALID_VALUE,
                            "dictionary update sequence element #" + index + " has length " + kv.size() + "; 2 is required");
                }
                PyValues.hashKey(op, kv.get(0));
                pairs.put(jsonKey(kv.get(0)), kv.get(1));
                index++;
            }
            return pairs.isEmpty() ? container : merge(object, pairs);
        }
        throw noAttribute(container, "update");
    }

    /** Python's {@code iter(v)}: list elements, dict keys, string characters. */
    private List<JsonValue> iterate(JsonValue v) {
        if (v instanceof JsonArray) {
            return ((JsonArray) v).elements();
        }
        if (v instanceof JsonObject) {
            List<JsonValue> keys = new ArrayList<>();
            for (String k : ((JsonObject) v).members().keySet()) {
                keys.add(new JsonString(k));
            }
            return keys;
        }
        if (v instanceof JsonString) {
            List<JsonValue> chars = new ArrayList<>();
            ((JsonString) v).value().codePoints().forEach(c -> chars.add(new JsonString(Character.toString(c))));
            return chars;
        }
        throw error(StorageErrorKind.TYPE_MISMATCH, "'" + typeName(v) + "' object is not iterable");
    }

    /** The JSON member name Python's encoder writes for a hashable dict key. */
    private static String jsonKey(JsonValue key) {
        if (key instanceof JsonString) {
            return ((JsonString) key).value();
        }
        if (key instanceof JsonFloat) {
            return PyFormat.floatRepr(((JsonFloat) key).value());
        }
        return key.toString();
    }
}
