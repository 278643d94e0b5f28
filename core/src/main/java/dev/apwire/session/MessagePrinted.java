package dev.apwire.session;

import dev.apwire.protocol.server.PrintJsonPacket;
import java.util.List;
import java.util.Objects;

/**
 * The server sent a message to show ({@code PrintJSON}), rendered with names resolved.
 *
 * @param text the message as plain text
 * @param parts the typed parts with their texts resolved
 * @param packet the packet
 */
public record MessagePrinted(String text, List<RenderedPart> parts, PrintJsonPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param text the message as plain text
     * @param parts the typed parts with their texts resolved
     * @param packet the packet
     */
    public MessagePrinted {
        Objects.requireNonNull(text, "text");
        parts = List.copyOf(parts);
        Objects.requireNonNull(packet, "packet");
    }
}
