package dev.apwire.server;

import java.util.Objects;

/**
 * Close a connection after sending its earlier deliveries of the same step. The room has already forgotten
 * the connection (and broadcast its {@code Part}); the driver's later {@link ArchipelagoRoom#close} for it is
 * a no-op.
 *
 * @param connection the connection
 * @param reason a short human-readable reason, for the WebSocket close frame (code 1000, as the reference)
 * @param <C> the connection id type
 */
public record RoomClose<C>(C connection, String reason) implements RoomAction<C> {

    /**
     * Checks the fields are present.
     *
     * @param connection the connection
     * @param reason the reason
     */
    public RoomClose {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(reason, "reason");
    }
}
