package dev.apwire.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@link RoomHost}'s rooms live while they are not loaded: each room's multiworld and its latest save,
 * by {@link RoomId}. The host never calls a store (it is pure); the driver does, off the host's thread, for each
 * {@link HostLoad} and {@link HostUnload}, and when a room is added.
 *
 * <p>{@link DirectoryRoomStore} keeps one directory per room. The interface speaks in rooms and ids only (no
 * paths except the multiworld file being added), so that a store backed by a database can follow: a row per
 * room with the multiworld and the save as blobs, {@link #create} an insert that fails on a duplicate key,
 * {@link #save} an update in one transaction.
 *
 * <p>Implementations must be safe for calls about <em>different</em> rooms from different threads; calls about
 * one room are never concurrent (a driver serialises them on the room's executor).
 */
public interface RoomStore {

    /**
     * Lists the stored rooms.
     *
     * @return every room id in the store
     * @throws IOException if the store cannot be read
     */
    Set<RoomId> list() throws IOException;

    /**
     * Adds a room: the multiworld in {@code multiworldFile} (read and checked before anything is stored), no save.
     *
     * @param id the new room's id
     * @param multiworldFile the multiworld file ({@code .archipelago} or the JSON format)
     * @return {@code false} if the store already has a room with this id (nothing was changed)
     * @throws IOException if the file is not a multiworld or the store cannot be written
     */
    boolean create(RoomId id, Path multiworldFile) throws IOException;

    /**
     * Loads a room: its multiworld, restored from its latest save when it has one. A save that cannot be read is
     * an error, never a fresh room (which would overwrite the progress at the next save).
     *
     * @param id the room
     * @param config the room's policy
     * @param <C> the connection id type of the room
     * @return the room, or empty if the store has no room with this id
     * @throws IOException if the room's multiworld or save cannot be read
     */
    <C> Optional<ArchipelagoRoom<C>> load(RoomId id, RoomConfig config) throws IOException;

    /**
     * Saves a room's progress, atomically: after a crash the store holds either the previous save or this one.
     *
     * @param id the room
     * @param room the room (called on the room's own thread, so its state is stable)
     * @throws IOException if the save cannot be written
     */
    void save(RoomId id, ArchipelagoRoom<?> room) throws IOException;
}
