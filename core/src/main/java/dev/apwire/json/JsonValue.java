package dev.apwire.json;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable JSON value: {@link JsonNull}, {@link JsonBool}, {@link JsonInt}, {@link JsonFloat},
 * {@link JsonString}, {@link JsonArray} or {@link JsonObject}.
 *
 * <p>Equality is structural and exact: {@code JsonInt 1} and {@code JsonFloat 1.0} are different
 * values, arrays compare element by element, objects compare as maps (key order is kept for
 * output but does not affect equality). All implementations are immutable and thread-safe.
 */
public sealed interface JsonValue permits JsonNull, JsonBool, JsonInt, JsonFloat, JsonString, JsonArray, JsonObject {

    /** {@return the kind of this value} */
    Kind kind();

    /** The kinds of JSON value. */
    enum Kind {
        /** {@code null}. */
        NULL,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An integer number, exact at any size. */
        INTEGER,
        /** A finite floating point number. */
        FLOAT,
        /** A string. */
        STRING,
        /** An array. */
        ARRAY,
        /** An object with ordered keys. */
        OBJECT
    }

    /** {@return the JSON {@code null}} */
    static JsonNull nullValue() {
        return JsonNull.INSTANCE;
    }

    /**
     * {@return a JSON boolean}
     *
     * @param value the boolean
     */
    static JsonBool of(boolean value) {
        return JsonBool.of(value);
    }

    /**
     * {@return a JSON integer}
     *
     * @param value the integer
     */
    static JsonInt of(long value) {
        return JsonInt.of(value);
    }

    /**
     * {@return a JSON integer}
     *
     * @param value the integer, any size
     */
    static JsonInt of(BigInteger value) {
        return JsonInt.of(value);
    }

    /**
     * {@return a JSON floating point number}
     *
     * @param value a finite double
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    static JsonFloat of(double value) {
        return new JsonFloat(value);
    }

    /**
     * {@return a JSON string}
     *
     * @param value the string
     */
    static JsonString of(String value) {
        return new JsonString(value);
    }

    /**
     * {@return a JSON array holding a copy of the elements}
     *
     * @param elements the elements
     */
    static JsonArray array(List<? extends JsonValue> elements) {
        return JsonArray.of(elements);
    }

    /**
     * {@return a JSON object holding a copy of the members, in their iteration order}
     *
     * @param members the members
     */
    static JsonObject object(Map<String, ? extends JsonValue> members) {
        return JsonObject.of(members);
    }

    /**
     * {@return whether this value is true under Python's truthiness rules}
     *
     * <p>{@code null}, {@code false}, {@code 0}, {@code 0.0}, {@code ""}, {@code []} and {@code {}} are
     * false; everything else (including the string {@code "false"}) is true. The reference server
     * applies this rule to {@code want_reply} and {@code slot_data}.
     */
    boolean isTruthy();

    // ------------------------------------------------------------ typed accessors

    /**
     * {@return this integer as a {@code long}}
     *
     * @throws IllegalStateException when this is not an integer or does not fit a {@code long}
     */
    default long asLong() {
        if (this instanceof JsonInt i && i.fitsLong()) {
            return i.longValue();
        }
        throw new IllegalStateException("not an integer that fits a long: " + this);
    }

    /**
     * {@return this integer as an {@code int}}
     *
     * @throws IllegalStateException when this is not an integer or does not fit an {@code int}
     */
    default int asInt() {
        long v = asLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalStateException("not an integer that fits an int: " + this);
        }
        return (int) v;
    }

    /**
     * {@return this number as a {@code double}: a float, or an integer converted}
     *
     * @throws IllegalStateException when this is not a number
     */
    default double asDouble() {
        if (this instanceof JsonFloat f) {
            return f.value();
        }
        if (this instanceof JsonInt i) {
            return i.fitsLong() ? (double) i.longValue() : i.bigIntegerValue().doubleValue();
        }
        throw new IllegalStateException("not a number: " + this);
    }

    /**
     * {@return this string's text}
     *
     * @throws IllegalStateException when this is not a string
     */
    default String asString() {
        if (this instanceof JsonString s) {
            return s.value();
        }
        throw new IllegalStateException("not a string: " + this);
    }

    /**
     * {@return this boolean}
     *
     * @throws IllegalStateException when this is not a boolean (use {@link #isTruthy()} for Python's rule)
     */
    default boolean asBoolean() {
        if (this instanceof JsonBool b) {
            return b.value();
        }
        throw new IllegalStateException("not a boolean: " + this);
    }

    /**
     * {@return this array's elements, unmodifiable}
     *
     * @throws IllegalStateException when this is not an array
     */
    default List<JsonValue> asList() {
        if (this instanceof JsonArray a) {
            return a.elements();
        }
        throw new IllegalStateException("not an array: " + this);
    }

    /**
     * {@return this object's members in their order, unmodifiable}
     *
     * @throws IllegalStateException when this is not an object
     */
    default Map<String, JsonValue> asMap() {
        if (this instanceof JsonObject o) {
            return o.members();
        }
        throw new IllegalStateException("not an object: " + this);
    }

    /** {@return whether this is the JSON {@code null}} */
    default boolean isNull() {
        return this instanceof JsonNull;
    }

    /** {@return this integer as a {@code long}, or empty when this is not an integer that fits one} */
    default Optional<Long> optLong() {
        return this instanceof JsonInt i && i.fitsLong() ? Optional.of(i.longValue()) : Optional.empty();
    }

    /** {@return this string's text, or empty when this is not a string} */
    default Optional<String> optString() {
        return this instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    /** {@return this boolean, or empty when this is not a boolean} */
    default Optional<Boolean> optBoolean() {
        return this instanceof JsonBool b ? Optional.of(b.value()) : Optional.empty();
    }

    /** {@return this array's elements, or empty when this is not an array} */
    default Optional<List<JsonValue>> optList() {
        return this instanceof JsonArray a ? Optional.of(a.elements()) : Optional.empty();
    }

    /** {@return this object's members, or empty when this is not an object} */
    default Optional<Map<String, JsonValue>> optMap() {
        return this instanceof JsonObject o ? Optional.of(o.members()) : Optional.empty();
    }

    /**
     * {@return a member of this object, or empty when this is not an object or has no such member}
     *
     * @param key the member's name
     */
    default Optional<JsonValue> opt(String key) {
        return this instanceof JsonObject o ? Optional.ofNullable(o.members().get(key)) : Optional.empty();
    }
}
