package dev.apwire.changes;

import java.time.Duration;
import java.util.Objects;

/**
 * The hub's limits and timers.
 *
 * @param batchInterval how long changes collect before one {@code changes} packet goes to each connection;
 *     {@link Duration#ZERO} sends them at once, in the step that caused them
 * @param pingInterval the time between two WebSocket pings to every connection
 * @param maxProperties the most properties one token may hold
 * @param maxKeyLength the most characters (UTF-16 units) in a property key; keys are never empty
 * @param maxStringLength the most characters (UTF-16 units) in a string property value
 * @param maxRecipients the most entries in a packet's {@code to} list
 * @param maxTypeLength the most characters in a packet's {@code type}
 * @param maxTokens the most connections open at once; a connection beyond it gets a {@code hub_full} error and is
 *     closed
 * @param maxSnapshotBytes the most bytes all tokens' properties may take together (keys and values as JSON), which
 *     bounds each newcomer's snapshot; an update that would pass it is refused with {@code too_many_properties}
 */
public record HubConfig(
        Duration batchInterval,
        Duration pingInterval,
        int maxProperties,
        int maxKeyLength,
        int maxStringLength,
        int maxRecipients,
        int maxTypeLength,
        int maxTokens,
        long maxSnapshotBytes) {

    /** 500 ms batches (as V1), pings every 20 s (as the seed), 25 properties, keys of 64, strings of 1024,
     * 64 recipients, types of 64 characters, 1000 tokens, 256 KiB of properties in all. */
    public static final HubConfig DEFAULT =
            new HubConfig(Duration.ofMillis(500), Duration.ofSeconds(20), 25, 64, 1024, 64, 64, 1000, 256L << 10);

    /**
     * A configuration with the default {@code maxTokens} and {@code maxSnapshotBytes}.
     *
     * @param batchInterval how long changes collect; zero or more
     * @param pingInterval the time between pings; positive
     * @param maxProperties the most properties per token; zero or more
     * @param maxKeyLength the longest key; positive
     * @param maxStringLength the longest string value; zero or more
     * @param maxRecipients the most entries in {@code to}; positive
     * @param maxTypeLength the longest packet type; positive
     */
    public HubConfig(Duration batchInterval, Duration pingInterval, int maxProperties, int maxKeyLength,
            int maxStringLength, int maxRecipients, int maxTypeLength) {
        this(batchInterval, pingInterval, maxProperties, maxKeyLength, maxStringLength, maxRecipients, maxTypeLength,
                1000, 256L << 10);
    }

    /**
     * Checks the values.
     *
     * @param batchInterval how long changes collect; zero or more
     * @param pingInterval the time between pings; positive
     * @param maxProperties the most properties per token; zero or more
     * @param maxKeyLength the longest key; positive
     * @param maxStringLength the longest string value; zero or more
     * @param maxRecipients the most entries in {@code to}; positive
     * @param maxTypeLength the longest packet type; positive
     * @param maxTokens the most open connections; positive
     * @param maxSnapshotBytes the most bytes of properties in all; positive
     * @throws IllegalArgumentException if a value is out of range
     */
    public HubConfig {
        Objects.requireNonNull(batchInterval, "batchInterval");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (batchInterval.isNegative()) {
            throw new IllegalArgumentException("batchInterval must not be negative");
        }
        if (pingInterval.isZero() || pingInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        if (maxTokens <= 0 || maxSnapshotBytes <= 0) {
            throw new IllegalArgumentException("maxTokens and maxSnapshotBytes must be positive");
        }
        if (maxProperties < 0 || maxKeyLength <= 0 || maxStringLength < 0 || maxRecipients <= 0 || maxTypeLength <= 0) {
            throw new IllegalArgumentException("limits out of range: maxProperties and maxStringLength >= 0, "
                    + "maxKeyLength, maxRecipients and maxTypeLength > 0");
        }
    }

    /**
     * {@return this configuration with another batch interval}
     *
     * @param interval the batch interval, {@link Duration#ZERO} for immediate delivery
     */
    public HubConfig withBatchInterval(Duration interval) {
        return new HubConfig(interval, pingInterval, maxProperties, maxKeyLength, maxStringLength, maxRecipients,
                maxTypeLength, maxTokens, maxSnapshotBytes);
    }

    /**
     * {@return this configuration with other bounds on tokens and their properties}
     *
     * @param tokens the most open connections
     * @param properties the most properties per token
     * @param snapshotBytes the most bytes of properties in all
     */
    public HubConfig withBounds(int tokens, int properties, long snapshotBytes) {
        return new HubConfig(batchInterval, pingInterval, properties, maxKeyLength, maxStringLength, maxRecipients,
                maxTypeLength, tokens, snapshotBytes);
    }
}
