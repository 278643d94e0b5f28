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
 * @param storageLimits the bounds of data storage
 * @param loginLimits what a connection may send before login, and the throttle of failed logins
 */
public record RoomConfig(boolean strict, List<String> tags, StorageLimits storageLimits, LoginLimits loginLimits) {

    /** Strict, tags {@code ["AP"]}, default storage and login limits: the reference server's observable behaviour,
     * within bounds. */
    public static final RoomConfig DEFAULT = new RoomConfig(true, List.of("AP"), StorageLimits.DEFAULT, LoginLimits.DEFAULT);

    /**
     * A configuration with the default login limits.
     *
     * @param strict whether fatal packet problems close the connection
     * @param tags the room tags
     * @param storageLimits the storage bounds
     */
    public RoomConfig(boolean strict, List<String> tags, StorageLimits storageLimits) {
        this(strict, tags, storageLimits, LoginLimits.DEFAULT);
    }

    /**
     * Copies the tags.
     *
     * @param strict whether fatal packet problems close the connection
     * @param tags the room tags
     * @param storageLimits the storage bounds
     * @param loginLimits the login bounds
     */
    public RoomConfig {
        tags = List.copyOf(tags);
        Objects.requireNonNull(storageLimits, "storageLimits");
        Objects.requireNonNull(loginLimits, "loginLimits");
    }
}
