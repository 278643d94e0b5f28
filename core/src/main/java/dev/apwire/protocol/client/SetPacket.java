package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Set}: apply operations to a data storage key; answered by {@code SetReply} when asked.
 *
 * @param key the key; keys starting with {@code _read_} are read-only
 * @param defaultValue the value to start from when the key is missing; {@code null} when absent ({@link dev.apwire.json.JsonNull} when sent as null)
 * @param wantReply {@code want_reply} as sent, or {@code null} when absent; see {@link #wantsReply()}
 * @param operations the operations, applied in order
 * @param extras the other arguments, echoed in order into {@code SetReply} (clients correlate by them)
 */
public record SetPacket(
        String key,
        @Nullable JsonValue defaultValue,
        @Nullable JsonValue wantReply,
        List<DataStorageOperation> operations,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param key the key; keys starting with {@code _read_} are read-only
     * @param defaultValue the value to start from when the key is missing; {@code null} when absent ({@link dev.apwire.json.JsonNull} when sent as null)
     * @param wantReply {@code want_reply} as sent, or {@code null} when absent; see {@link #wantsReply()}
     * @param operations the operations, applied in order
     * @param extras the other arguments, echoed in order into {@code SetReply} (clients correlate by them)
     */
    public SetPacket {
        Objects.requireNonNull(key, "key");
        operations = List.copyOf(operations);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param key the key; keys starting with {@code _read_} are read-only
     * @param defaultValue the value to start from when the key is missing; {@code null} when absent ({@link dev.apwire.json.JsonNull} when sent as null)
     * @param wantReply {@code want_reply} as sent, or {@code null} when absent; see {@link #wantsReply()}
     * @param operations the operations, applied in order
     */
    public SetPacket(String key, @Nullable JsonValue defaultValue, @Nullable JsonValue wantReply, List<DataStorageOperation> operations) {
        this(key, defaultValue, wantReply, operations, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.SET;
    }

    /** {@return whether the sender asked for a {@code SetReply}: {@code want_reply} is truthy in Python's sense} */
    public boolean wantsReply() {
        return wantReply != null && wantReply.isTruthy();
    }
}
