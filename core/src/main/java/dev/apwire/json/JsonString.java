package dev.apwire.json;

/**
 * A JSON string.
 *
 * @param value the string
 */
public record JsonString(String value) implements JsonValue {

    /** The empty string. */
    public static final JsonString EMPTY = new JsonString("");

    /**
     * Checks the value is present.
     *
     * @param value the string
     */
    public JsonString {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }

    @Override
    public boolean isTruthy() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
