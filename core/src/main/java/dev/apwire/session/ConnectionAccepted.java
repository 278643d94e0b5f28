package dev.apwire.session;

import dev.apwire.protocol.server.ConnectedPacket;
import java.util.Objects;

/**
 * The server accepted the {@code Connect} ({@code Connected}); {@link ClientSession#login()} now holds the slot's data.
 *
 * @param login the slot's data
 * @param packet the packet
 */
public record ConnectionAccepted(LoginState login, ConnectedPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param login the slot's data
     * @param packet the packet
     */
    public ConnectionAccepted {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(packet, "packet");
    }
}
