package dev.apwire.server;

import java.util.Objects;

/**
 * Open the connection in the loaded room {@code room} ({@link ArchipelagoRoom#open}), which sends it
 * {@code RoomInfo}; from now on the connection's input goes to that room.
 *
 * @param connection the connection
 * @param room the room, loaded
 * @param <C> the connection id type
 */
public record HostAttach<C>(C connection, RoomId room) implements HostAction<C> {

    /**
     * Checks the fields are present.
     *
     * @param connection the connection
     * @param room the room
     */
    public HostAttach {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
    }
}
