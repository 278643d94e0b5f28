package dev.apwire.session;

import dev.apwire.protocol.server.UnknownServerPacket;
import java.util.Objects;

/**
 * The server sent a command this library does not know; it is kept whole.
 *
 * @param packet the packet
 */
public record UnknownPacketReceived(UnknownServerPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param packet the packet
     */
    public UnknownPacketReceived {
        Objects.requireNonNull(packet, "packet");
    }
}
