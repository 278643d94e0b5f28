package dev.apwire.session;

import dev.apwire.protocol.server.BouncedPacket;
import java.util.Objects;

/**
 * A {@code Bounced} arrived that is not a DeathLink the session handled (custom tags, RingLink-style protocols).
 *
 * @param packet the packet
 */
public record BounceReceived(BouncedPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param packet the packet
     */
    public BounceReceived {
        Objects.requireNonNull(packet, "packet");
    }
}
