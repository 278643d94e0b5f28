package dev.apwire.server;

import java.util.Objects;

/**
 * A room has been idle (no connection) for {@link HostConfig#idleTimeout()}: save it to the store and drop it
 * from memory, then call {@link RoomHost#roomUnloaded}, or {@link RoomHost#roomUnloadFailed} when the save
 * failed (the room then stays loaded). A {@code Join} meanwhile waits and loads the room again afterwards.
 *
 * @param room the room to unload
 * @param <C> the connection id type
 */
public record HostUnload<C>(RoomId room) implements HostAction<C> {

    /**
     * Checks the room is present.
     *
     * @param room the room
     */
    public HostUnload {
        Objects.requireNonNull(room, "room");
    }
}
