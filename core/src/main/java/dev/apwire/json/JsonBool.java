package dev.apwire.json;

/** A JSON boolean. There are exactly two instances. */
public enum JsonBool implements JsonValue {
    /** {@code false}. */
    FALSE,
    /** {@code true}. */
    TRUE;

    /**
     * {@return the instance for a boolean}
     *
     * @param value the boolean
     */
    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** {@return the boolean this value stands for} */
    public boolean value() {
        return this == TRUE;
    }

    @Override
    public Kind kind() {
        return Kind.BOOLEAN;
    }

    @Override
    public boolean isTruthy() {
        return value();
    }

    @Override
    public String toString() {
        return value() ? "true" : "false";
    }
}
