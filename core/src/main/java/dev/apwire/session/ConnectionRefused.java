package dev.apwire.session;

import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.server.ConnectionRefusedPacket;
import java.util.List;
import java.util.Objects;

/**
 * The server refused the {@code Connect} ({@code ConnectionRefused}); the connection stays usable for another {@link ClientSession#connect(String, java.time.Instant)}.
 *
 * @param errors the reasons, empty when the server gave none
 * @param packet the packet
 */
public record ConnectionRefused(List<ConnectionRefusedError> errors, ConnectionRefusedPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param errors the reasons, empty when the server gave none
     * @param packet the packet
     */
    public ConnectionRefused {
        errors = List.copyOf(errors);
        Objects.requireNonNull(packet, "packet");
    }
}
