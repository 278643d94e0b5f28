package dev.apwire.session;

import dev.apwire.protocol.client.ClientPacket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one input to a {@link ClientSession} produced: packets to send, in order (one frame is
 * fine), events that happened, in order, and possibly an instruction to close the transport.
 *
 * @param send the packets to send, in order
 * @param events the events, in order
 * @param close an instruction to close the transport, or {@code null}
 */
public record Step(List<ClientPacket> send, List<SessionEvent> events, @Nullable Close close) {

    /** The step that does nothing. */
    public static final Step NONE = new Step(List.of(), List.of(), null);

    /**
     * Copies the lists.
     *
     * @param send the packets to send
     * @param events the events
     * @param close a close instruction, or {@code null}
     */
    public Step {
        send = List.copyOf(send);
        events = List.copyOf(events);
    }

    /** {@return whether the step sends nothing, reports nothing and does not close} */
    public boolean isEmpty() {
        return send.isEmpty() && events.isEmpty() && close == null;
    }
}
