package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * {@code Sync}: ask for the full list of received items again.
 *
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record SyncPacket(
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public SyncPacket {
        Objects.requireNonNull(extras, "extras");
    }

    /** Creates the record with no extra fields. */
    public SyncPacket() {
        this(JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.SYNC;
    }
}
