package dev.apwire.changes;

import java.util.Objects;

/**
 * A packet for the driver to send to one connection.
 *
 * @param token the receiving connection
 * @param packet the packet
 */
public record Delivery(String token, ChangesServerPacket packet) {

    /**
     * Checks the fields are present.
     *
     * @param token the receiving connection
     * @param packet the packet
     */
    public Delivery {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(packet, "packet");
    }
}
