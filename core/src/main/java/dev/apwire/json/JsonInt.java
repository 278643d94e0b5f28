package dev.apwire.json;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * A JSON integer, exact at any size. Values that fit a {@code long} are held as one; larger ones as a
 * {@link BigInteger}. Two instances are equal when their numeric values are equal, whichever form
 * holds them.
 */
public final class JsonInt implements JsonValue {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final JsonInt[] SMALL = new JsonInt[256 + 128];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new JsonInt(i - 128, null);
        }
    }

    private final long small;
    private final @Nullable BigInteger big;

    private JsonInt(long small, @Nullable BigInteger big) {
        this.small = small;
        this.big = big;
    }

    /**
     * {@return the integer}
     *
     * @param value the value
     */
    public static JsonInt of(long value) {
        if (value >= -128 && value < 256) {
            return SMALL[(int) value + 128];
        }
        return new JsonInt(value, null);
    }

    /**
     * {@return the integer, held as a {@code long} when it fits one}
     *
     * @param value the value
     */
    public static JsonInt of(BigInteger value) {
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return of(value.longValue());
        }
        return new JsonInt(0, value);
    }

    /** {@return whether the value fits a {@code long}} */
    public boolean fitsLong() {
        return big == null;
    }

    /**
     * {@return the value as a {@code long}}
     *
     * @throws ArithmeticException if the value does not fit a {@code long}
     */
    public long longValue() {
        if (big != null) {
            throw new ArithmeticException("integer does not fit a long: " + big.bitLength() + " bits");
        }
        return small;
    }

    /** {@return the value as a {@link BigInteger}} */
    public BigInteger bigIntegerValue() {
        return big != null ? big : BigInteger.valueOf(small);
    }

    /** {@return the sign of the value: -1, 0 or 1} */
    public int signum() {
        return big != null ? big.signum() : Long.signum(small);
    }

    @Override
    public Kind kind() {
        return Kind.INTEGER;
    }

    @Override
    public boolean isTruthy() {
        return signum() != 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonInt)) {
            return false;
        }
        JsonInt other = (JsonInt) o;
        if (big == null && other.big == null) {
            return small == other.small;
        }
        return big != null && big.equals(other.big);
    }

    @Override
    public int hashCode() {
        return big != null ? big.hashCode() : Long.hashCode(small);
    }

    @Override
    public String toString() {
        return big != null ? big.toString() : Long.toString(small);
    }
}
