package dev.apwire.server;

import dev.apwire.protocol.server.ServerPacket;
import java.util.List;
import java.util.Objects;

/**
 * Send one WebSocket text frame holding these packets, in order, to one connection.
 *
 * <p>A broadcast is one delivery per recipient sharing the <b>same</b> {@code frame} list instance, so a
 * driver may encode each distinct list once (compare by identity) and send the same bytes to every
 * recipient.
 *
 * @param connection the receiving connection
 * @param frame the packets of the frame, never empty
 * @param <C> the connection id type
 */
public record RoomDelivery<C>(C connection, List<ServerPacket> frame) implements RoomAction<C> {

    /**
     * Checks the fields; the list is kept as given (the room passes immutable lists, shared by broadcasts).
     *
     * @param connection the receiving connection
     * @param frame the packets
     */
    public RoomDelivery {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(frame, "frame");
        if (frame.isEmpty()) {
            throw new IllegalArgumentException("a frame holds at least one packet");
        }
    }
}
