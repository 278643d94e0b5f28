package dev.apwire.server;

import java.util.Objects;

/**
 * Close a connection that has not joined a room (the host has already forgotten it). As the v2.0 document asks
 * for an invalid {@code Join}, the close gives no further information: normal closure (1000) and an empty
 * reason on the wire; {@code reason} is for the driver's log only.
 *
 * @param connection the connection
 * @param reason why, for logs; never sent to the peer
 * @param <C> the connection id type
 */
public record HostClose<C>(C connection, String reason) implements HostAction<C> {

    /**
     * Checks the fields are present.
     *
     * @param connection the connection
     * @param reason the reason
     */
    public HostClose {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(reason, "reason");
    }
}
