package dev.apwire.session;

import dev.apwire.protocol.server.ServerPacket;
import java.util.Objects;

/**
 * The server broke a protocol rule. The session's state did not change; in strict mode the step also asks to close.
 *
 * @param rule the rule that was broken
 * @param packet the offending packet
 */
public record ProtocolViolated(String rule, ServerPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param rule the rule that was broken
     * @param packet the offending packet
     */
    public ProtocolViolated {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(packet, "packet");
    }
}
