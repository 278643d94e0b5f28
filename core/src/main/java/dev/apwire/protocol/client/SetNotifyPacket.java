package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * {@code SetNotify}: subscribe this connection to {@code SetReply} for keys.
 *
 * @param keys the keys
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record SetNotifyPacket(
        List<String> keys,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param keys the keys
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public SetNotifyPacket {
        keys = List.copyOf(keys);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param keys the keys
     */
    public SetNotifyPacket(List<String> keys) {
        this(keys, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.SET_NOTIFY;
    }
}
