package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code SetReply}: a key's new value, to the setter and the key's subscribers.
 *
 * @param key the key
 * @param value the new value
 * @param originalValue the value before the Set, or {@code null} when absent (as on {@code _read_} notifications)
 * @param slot the slot that set it, or {@code null} when absent
 * @param extras the Set's other arguments (default, want_reply, operations and extras), echoed in order
 */
public record SetReplyPacket(
        String key,
        JsonValue value,
        @Nullable JsonValue originalValue,
        @Nullable Integer slot,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param key the key
     * @param value the new value
     * @param originalValue the value before the Set, or {@code null} when absent (as on {@code _read_} notifications)
     * @param slot the slot that set it, or {@code null} when absent
     * @param extras the Set's other arguments (default, want_reply, operations and extras), echoed in order
     */
    public SetReplyPacket {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param key the key
     * @param value the new value
     * @param originalValue the value before the Set, or {@code null} when absent (as on {@code _read_} notifications)
     * @param slot the slot that set it, or {@code null} when absent
     */
    public SetReplyPacket(String key, JsonValue value, @Nullable JsonValue originalValue, @Nullable Integer slot) {
        this(key, value, originalValue, slot, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.SET_REPLY;
    }
}
