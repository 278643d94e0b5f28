package dev.apwire.session;

import dev.apwire.protocol.server.RoomInfoPacket;
import java.util.Objects;

/**
 * The server described the room ({@code RoomInfo}); the session asked for missing data packages and sent {@code Connect}.
 *
 * @param packet the packet
 */
public record RoomInfoReceived(RoomInfoPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param packet the packet
     */
    public RoomInfoReceived {
        Objects.requireNonNull(packet, "packet");
    }
}
