package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * {@code Get}: read data storage keys; answered by {@code Retrieved}.
 *
 * @param keys the keys
 * @param extras the other arguments, echoed in order into {@code Retrieved} (clients correlate by them)
 */
public record GetPacket(
        List<String> keys,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param keys the keys
     * @param extras the other arguments, echoed in order into {@code Retrieved} (clients correlate by them)
     */
    public GetPacket {
        keys = List.copyOf(keys);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param keys the keys
     */
    public GetPacket(List<String> keys) {
        this(keys, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.GET;
    }
}
