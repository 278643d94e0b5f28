package dev.apwire.storage;

/**
 * Bounds on a room's data storage: on the results of operations (checked before the work is done, so that no
 * argument can stall a room), on each stored value and on the whole store (so that no client can fill the
 * server's memory), on keys and subscriptions, and on the replies a request can pull.
 *
 * <p>Sizes are counted as the value's JSON encoding with {@code ensure_ascii}, as the reference server sends
 * it: every nested element counts, and every character of every string and key (6 for a character outside
 * ASCII or a control character). The reference server has none of these bounds: {@code 2 ** 10**15} blocks
 * its event loop for about 34 seconds, an integer of more than 4300 digits is stored but can never be encoded
 * (§1.4), and a 1 KB {@code Set} can store a value whose every later reply is megabytes.
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>component</th><th>default</th><th>over it</th></tr>
 *   <tr><td>{@code maxIntegerDigits}</td><td>4300</td><td>the {@code Set} is rejected</td></tr>
 *   <tr><td>{@code maxLength}</td><td>1,000,000</td><td>the {@code Set} is rejected</td></tr>
 *   <tr><td>{@code maxValueBytes}</td><td>1 MiB</td><td>the {@code Set} is rejected</td></tr>
 *   <tr><td>{@code maxTotalBytes}</td><td>64 MiB</td><td>the {@code Set} is rejected</td></tr>
 *   <tr><td>{@code maxKeyLength}</td><td>1024</td><td>the {@code Set} or {@code SetNotify} is rejected</td></tr>
 *   <tr><td>{@code maxSubscriptions}</td><td>1000</td><td>the {@code SetNotify} is rejected</td></tr>
 *   <tr><td>{@code maxReplyBytes}</td><td>2 MiB</td><td>the {@code Get} is rejected</td></tr>
 * </table>
 * A rejected request is answered with an {@code InvalidPacket} naming the limit, and the store is untouched.
 *
 * @param maxIntegerDigits the most decimal digits an integer result may have (Python's own int/str
 *     conversion limit is 4300)
 * @param maxLength the most elements a string (in code points), list or object result may have
 * @param maxValueBytes the largest encoded size of one stored value, nested elements included
 * @param maxTotalBytes the largest encoded size of all stored keys and values together
 * @param maxKeyLength the most characters (UTF-16 units) in a key of {@code Set} or {@code SetNotify}
 * @param maxSubscriptions the most {@code SetNotify} keys one connection may hold
 * @param maxReplyBytes the largest encoded size of the values of one {@code Retrieved} reply
 */
public record StorageLimits(
        int maxIntegerDigits,
        int maxLength,
        long maxValueBytes,
        long maxTotalBytes,
        int maxKeyLength,
        int maxSubscriptions,
        long maxReplyBytes) {

    /** The default bounds (see the table above). */
    public static final StorageLimits DEFAULT = new StorageLimits(4300, 1_000_000, 1L << 20, 64L << 20, 1024, 1000, 2L << 20);

    /**
     * Checks the bounds are usable.
     *
     * @param maxIntegerDigits the most decimal digits an integer result may have
     * @param maxLength the most elements a string, list or object result may have
     * @param maxValueBytes the largest encoded size of one stored value
     * @param maxTotalBytes the largest encoded size of the whole store
     * @param maxKeyLength the longest key
     * @param maxSubscriptions the most subscriptions per connection
     * @param maxReplyBytes the largest {@code Retrieved} reply
     * @throws IllegalArgumentException if a bound is less than 1, or {@code maxIntegerDigits} is over 100,000
     *     (larger integers would make single operations take more than milliseconds)
     */
    public StorageLimits {
        if (maxIntegerDigits < 1 || maxIntegerDigits > 100_000) {
            throw new IllegalArgumentException("maxIntegerDigits must be within 1..100000, got " + maxIntegerDigits);
        }
        if (maxLength < 1 || maxValueBytes < 1 || maxTotalBytes < 1 || maxKeyLength < 1 || maxSubscriptions < 1 || maxReplyBytes < 1) {
            throw new IllegalArgumentException("storage limits must be >= 1: " + maxLength + ", " + maxValueBytes + ", "
                    + maxTotalBytes + ", " + maxKeyLength + ", " + maxSubscriptions + ", " + maxReplyBytes);
        }
    }

    /**
     * The default size bounds with other bounds on operation results.
     *
     * @param maxIntegerDigits the most decimal digits an integer result may have
     * @param maxLength the most elements a string, list or object result may have
     */
    public StorageLimits(int maxIntegerDigits, int maxLength) {
        this(maxIntegerDigits, maxLength, DEFAULT.maxValueBytes, DEFAULT.maxTotalBytes, DEFAULT.maxKeyLength,
                DEFAULT.maxSubscriptions, DEFAULT.maxReplyBytes);
    }

    /**
     * {@return these limits with other size bounds}
     *
     * @param valueBytes the largest stored value
     * @param totalBytes the largest store
     * @param keyLength the longest key
     * @param subscriptions the most subscriptions per connection
     * @param replyBytes the largest {@code Retrieved} reply
     */
    public StorageLimits withSizes(long valueBytes, long totalBytes, int keyLength, int subscriptions, long replyBytes) {
        return new StorageLimits(maxIntegerDigits, maxLength, valueBytes, totalBytes, keyLength, subscriptions, replyBytes);
    }
}
