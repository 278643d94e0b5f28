package dev.apwire.server;

import java.util.Objects;

/**
 * Load a room from the store (its multiworld and its latest save), then call {@link RoomHost#roomLoaded}, or
 * {@link RoomHost#roomLoadFailed} when the store has no such room or cannot read it. Connections wait for it.
 *
 * @param room the room to load
 * @param <C> the connection id type
 */
public record HostLoad<C>(RoomId room) implements HostAction<C> {

    /**
     * Checks the room is present.
     *
     * @param room the room
     */
    public HostLoad {
        Objects.requireNonNull(room, "room");
    }
}
