package dev.apwire.session;

import dev.apwire.protocol.DeathLink;
import dev.apwire.protocol.server.BouncedPacket;
import java.util.Objects;

/**
 * Another client died (a {@code Bounced} tagged {@code DeathLink}, not the session's own echo, outside the debounce window).
 *
 * @param deathLink the death
 * @param packet the packet
 */
public record DeathLinkReceived(DeathLink deathLink, BouncedPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param deathLink the death
     * @param packet the packet
     */
    public DeathLinkReceived {
        Objects.requireNonNull(deathLink, "deathLink");
        Objects.requireNonNull(packet, "packet");
    }
}
