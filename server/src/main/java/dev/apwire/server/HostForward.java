package dev.apwire.server;

import java.util.Objects;

/**
 * Give the input the host was just called with (a packet, an {@code InvalidPacket} or a malformed frame) to
 * the connection's room, which applies the v1.0 rules to it.
 *
 * @param connection the connection, joined to {@code room}
 * @param room the connection's room
 * @param <C> the connection id type
 */
public record HostForward<C>(C connection, RoomId room) implements HostAction<C> {

    /**
     * Checks the fields are present.
     *
     * @param connection the connection
     * @param room the room
     */
    public HostForward {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
    }
}
