package dev.apwire.server;

import dev.apwire.storage.StorageLimits;
import java.util.List;
import java.util.Objects;

/**
 * How a room treats peers and what it advertises.
 *
 * @param strict whether a packet problem the reference server closes the connection for (a command object
 *     without {@code cmd}, an array element that is not an object; {@code Decoded.Problem.fatal()}) closes
 *     it here too, after the {@code InvalidPacket}; lenient rooms keep the connection open
 * @param tags the {@code RoomInfo.tags} ({@code ["AP"]} for a standalone server)
 * @param storageLimits the bounds of data storage operations
 */
public record RoomConfig(boolean strict, List<String> tags, StorageLimits storageLimits) {

    /** Strict, tags {@code ["AP"]}, default storage limits: the reference server's observable behaviour. */
    public static final RoomConfig DEFAULT = new RoomConfig(true, List.of("AP"), StorageLimits.DEFAULT);

    /**
     * Copies the tags.
     *
     * @param strict whether fatal packet problems close the connection
     * @param tags the room tags
     * @param storageLimits the storage bounds
     */
    public RoomConfig {
        tags = List.copyOf(tags);
        Objects.requireNonNull(storageLimits, "storageLimits");
    }
}
