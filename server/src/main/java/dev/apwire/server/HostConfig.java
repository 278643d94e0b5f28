package dev.apwire.server;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link RoomHost} treats connections and rooms.
 *
 * @param strict whether an illegal packet (a {@code Join} after joining, anything but {@code Join} before it)
 *     closes the connection (strict compliance, as the v2.0 document's terminology) or is ignored (lenient)
 * @param defaultRoom the room a connection without the {@code v2.0} subprotocol (every v1.0 client) joins, or
 *     {@code null} to close such connections
 * @param idleTimeout how long a loaded room stays loaded without any connection before it is unloaded (saved)
 * @param joinTimeout how long a {@code v2.0} connection may stay without a valid {@code Join} before it is closed
 * @param idLength the length of the room ids the host assigns (4 to 8)
 */
public record HostConfig(boolean strict, @Nullable RoomId defaultRoom, Duration idleTimeout, Duration joinTimeout,
        int idLength) {

    /** Strict, no default room, rooms unloaded after 5 minutes idle, 30 s to {@code Join}, ids of 6 symbols. */
    public static final HostConfig DEFAULT = new HostConfig(true, null, Duration.ofMinutes(5), Duration.ofSeconds(30), 6);

    /**
     * Checks the durations and the id length.
     *
     * @param strict whether illegal packets close the connection
     * @param defaultRoom the room of v1.0 connections, or {@code null}
     * @param idleTimeout the idle time before a room is unloaded, positive
     * @param joinTimeout the time allowed before {@code Join}, positive
     * @param idLength the length of assigned ids, 4 to 8
     */
    public HostConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new IllegalArgumentException("joinTimeout must be positive, got " + joinTimeout);
        }
        RoomId.checkLength(idLength);
    }

    /** {@return a copy with another strictness}
     *
     * @param strict whether illegal packets close the connection
     */
    public HostConfig withStrict(boolean strict) {
        return new HostConfig(strict, defaultRoom, idleTimeout, joinTimeout, idLength);
    }

    /** {@return a copy with another default room}
     *
     * @param defaultRoom the room of v1.0 connections, or {@code null} to close them
     */
    public HostConfig withDefaultRoom(@Nullable RoomId defaultRoom) {
        return new HostConfig(strict, defaultRoom, idleTimeout, joinTimeout, idLength);
    }

    /** {@return a copy with another idle timeout}
     *
     * @param idleTimeout the idle time before a room is unloaded
     */
    public HostConfig withIdleTimeout(Duration idleTimeout) {
        return new HostConfig(strict, defaultRoom, idleTimeout, joinTimeout, idLength);
    }

    /** {@return a copy with another join timeout}
     *
     * @param joinTimeout the time allowed before {@code Join}
     */
    public HostConfig withJoinTimeout(Duration joinTimeout) {
        return new HostConfig(strict, defaultRoom, idleTimeout, joinTimeout, idLength);
    }
}
