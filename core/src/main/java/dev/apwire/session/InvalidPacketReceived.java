package dev.apwire.session;

import dev.apwire.protocol.server.InvalidPacket;
import java.util.Objects;

/**
 * The server rejected one of the session's commands ({@code InvalidPacket}).
 *
 * @param packet the packet
 */
public record InvalidPacketReceived(InvalidPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param packet the packet
     */
    public InvalidPacketReceived {
        Objects.requireNonNull(packet, "packet");
    }
}
