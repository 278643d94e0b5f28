package dev.apwire.session;

import dev.apwire.json.JsonValue;
import dev.apwire.protocol.server.SetReplyPacket;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data storage key changed ({@code SetReply}): the answer to the session's own {@code Set} with {@code want_reply}, or a notification for a key subscribed with {@code SetNotify}.
 *
 * @param key the key
 * @param originalValue the value before, or {@code null} when the server did not say (as on {@code _read_} notifications)
 * @param value the new value
 * @param requestId the correlation id of the session's pending {@code Set} this answers, or {@code null}
 * @param packet the packet
 */
public record ValueChanged(String key, @Nullable JsonValue originalValue, JsonValue value, @Nullable String requestId, SetReplyPacket packet) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param key the key
     * @param originalValue the value before, or {@code null} when the server did not say (as on {@code _read_} notifications)
     * @param value the new value
     * @param requestId the correlation id of the session's pending {@code Set} this answers, or {@code null}
     * @param packet the packet
     */
    public ValueChanged {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(packet, "packet");
    }
}
