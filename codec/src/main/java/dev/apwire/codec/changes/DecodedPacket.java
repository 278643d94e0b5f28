package dev.apwire.codec.changes;

import java.util.Objects;

/**
 * A frame that held a well-shaped packet.
 *
 * @param <P> the packet type
 * @param packet the packet
 */
public record DecodedPacket<P>(P packet) implements ChangesDecoded<P> {

    /**
     * Checks the packet is present.
     *
     * @param packet the packet
     */
    public DecodedPacket {
        Objects.requireNonNull(packet, "packet");
    }
}
