package dev.apwire.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Writes a room's progress to bytes and restores a room from them, for a {@link DirectoryRoomStore}. */
public interface RoomSaveFormat {

    /**
     * Writes a room's progress.
     *
     * @param room the room
     * @param out where to write
     * @throws IOException if writing fails
     */
    void write(ArchipelagoRoom<?> room, OutputStream out) throws IOException;

    /**
     * Restores a room from a save.
     *
     * @param world the room's multiworld
     * @param config the room's policy
     * @param in the save
     * @param <C> the connection id type of the room
     * @return the room with the saved progress
     * @throws IOException if the save cannot be read or does not fit the multiworld
     */
    <C> ArchipelagoRoom<C> read(Multiworld world, RoomConfig config, InputStream in) throws IOException;
}
