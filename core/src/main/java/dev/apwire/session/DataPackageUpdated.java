package dev.apwire.session;

import dev.apwire.protocol.server.DataPackagePacket;
import java.util.List;
import java.util.Objects;

/**
 * Name tables arrived for some games ({@code DataPackage}) and were stored in the cache.
 *
 * @param games the games whose tables arrived, in wire order
 * @param packet the packet
 */
public record DataPackageUpdated(List<String> games, DataPackagePacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param games the games whose tables arrived, in wire order
     * @param packet the packet
     */
    public DataPackageUpdated {
        games = List.copyOf(games);
        Objects.requireNonNull(packet, "packet");
    }
}
