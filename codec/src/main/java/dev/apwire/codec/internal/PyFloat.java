package dev.apwire.codec.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles the way Python's {@code repr} does, which is what the reference server sends: the
 * shortest decimal that reads back as the same double (correctly rounded), in fixed notation for
 * exponents -4 to 15 and scientific notation otherwise.
 */
public final class PyFloat {

    private PyFloat() {
    }

    /**
     * The shortest correctly rounded decimal that parses back to {@code d}. Round-tripping is
     * monotonic in the number of digits, so a binary search over 1..17 digits finds it. (Java 17's
     * {@code Double.toString} is not always the shortest.)
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        int lo = 1;
        int hi = 17;
        BigDecimal best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal candidate = exact.round(new MathContext(mid, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                best = candidate;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return best.stripTrailingZeros();
    }

    /**
     * {@return Python's {@code repr} of a finite double: {@code 1.0}, {@code 1e+16}, {@code 1e-07},
     * {@code 1795462051.9460378}}
     *
     * @param d a finite double
     */
    public static String repr(double d) {
        if (d == 0.0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = shortest(d);
        String digits = bd.unscaledValue().abs().toString();
        int n = digits.length();
        int pointPos = n - bd.scale(); // digits before the decimal point
        int exp = pointPos - 1;
        StringBuilder sb = new StringBuilder(n + 8);
        if (d < 0) {
            sb.append('-');
        }
        if (exp >= -4 && exp < 16) {
            if (pointPos <= 0) {
                sb.append("0.");
                for (int i = 0; i < -pointPos; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (pointPos >= n) {
                sb.append(digits);
                for (int i = n; i < pointPos; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(digits, 0, pointPos).append('.').append(digits, pointPos, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }
}
