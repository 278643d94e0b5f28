package dev.apwire.storage;

/**
 * Size bounds on the results of data storage operations, checked before the work is done so that no
 * argument can stall a room or store a value that cannot be sent.
 *
 * <p>The reference server has no such bounds: {@code 2 ** 10**15} blocks its event loop for about
 * 34 seconds, and an integer of more than 4300 digits is stored but can never be encoded (§1.4).
 *
 * @param maxIntegerDigits the most decimal digits an integer result may have (Python's own int/str
 *     conversion limit is 4300)
 * @param maxLength the most elements a string (in code points), list or object result may have
 */
public record StorageLimits(int maxIntegerDigits, int maxLength) {

    /** The default bounds: integers of at most 4300 decimal digits, strings, lists and objects of at most 1,000,000 elements. */
    public static final StorageLimits DEFAULT = new StorageLimits(4300, 1_000_000);

    /**
     * Checks the bounds are usable.
     *
     * @param maxIntegerDigits the most decimal digits an integer result may have (Python's own int/str
     *     conversion limit is 4300)
     * @param maxLength the most elements a string (in code points), list or object result may have
     * @throws IllegalArgumentException if a bound is less than 1, or {@code maxIntegerDigits} is over 100,000
     *     (larger integers would make single operations take more than milliseconds)
     */
    public StorageLimits {
        if (maxIntegerDigits < 1 || maxIntegerDigits > 100_000) {
            throw new IllegalArgumentException("maxIntegerDigits must be within 1..100000, got " + maxIntegerDigits);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
    }
}
