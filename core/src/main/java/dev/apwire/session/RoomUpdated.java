package dev.apwire.session;

import dev.apwire.protocol.server.RoomUpdatePacket;
import java.util.Objects;

/**
 * The server changed room or slot properties ({@code RoomUpdate}); checks in it are also reported as {@link LocationsChecked}.
 *
 * @param packet the packet
 */
public record RoomUpdated(RoomUpdatePacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param packet the packet
     */
    public RoomUpdated {
        Objects.requireNonNull(packet, "packet");
    }
}
