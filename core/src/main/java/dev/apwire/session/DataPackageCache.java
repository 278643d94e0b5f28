package dev.apwire.session;

import dev.apwire.protocol.GameData;
import java.util.Optional;

/**
 * Where a {@link ClientSession} keeps data packages between connections, keyed by game and
 * checksum. It is the only outside code a session calls: {@link #get} on {@code RoomInfo} and
 * {@link #put} on {@code DataPackage}, synchronously, from the caller's thread. Implementations
 * must answer from memory (load files before, write them after, e.g. on
 * {@link DataPackageUpdated}) and must not call back into the session.
 */
public interface DataPackageCache {

    /**
     * {@return the tables of a game at a checksum, or empty when not cached}
     *
     * @param game the game
     * @param checksum the checksum from {@code RoomInfo.datapackage_checksums}
     */
    Optional<GameData> get(String game, String checksum);

    /**
     * Stores a game's tables.
     *
     * @param game the game
     * @param checksum the checksum they were sent with (from the package itself, or from {@code RoomInfo})
     * @param data the tables
     */
    void put(String game, String checksum, GameData data);
}
