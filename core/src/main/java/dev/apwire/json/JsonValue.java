package dev.apwire.json;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

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
}
