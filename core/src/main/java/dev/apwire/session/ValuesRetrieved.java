package dev.apwire.session;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.server.RetrievedPacket;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server answered a {@code Get} ({@code Retrieved}).
 *
 * @param requestId the correlation id of the session's request, or {@code null} when the answer matched no pending request
 * @param values each requested key and its value ({@code null} for a missing key)
 * @param packet the packet
 */
public record ValuesRetrieved(@Nullable String requestId, JsonObject values, RetrievedPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param requestId the correlation id of the session's request, or {@code null} when the answer matched no pending request
     * @param values each requested key and its value ({@code null} for a missing key)
     * @param packet the packet
     */
    public ValuesRetrieved {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(packet, "packet");
    }
}
