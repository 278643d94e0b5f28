package dev.apwire.json;

/**
 * A finite JSON floating point number. {@code 1.0} stays a float and never equals the integer
 * {@code 1}. Non-finite values cannot be represented: standard JSON has no token for them and
 * clients' parsers reject the bare {@code NaN} / {@code Infinity} the reference server can emit.
 *
 * @param value the number, finite
 */
public record JsonFloat(double value) implements JsonValue {

    /**
     * Checks the value is finite.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     *
     * @param value the number, finite
     */
    public JsonFloat {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
        }
    }

    @Override
    public Kind kind() {
        return Kind.FLOAT;
    }

    @Override
    public boolean isTruthy() {
        return value != 0.0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Compares the exact bit pattern, so {@code 0.0} and {@code -0.0} differ, as they do on the wire.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonFloat && Double.doubleToLongBits(((JsonFloat) o).value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
