package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.ClientStatus;
import java.util.Objects;

/**
 * {@code StatusUpdate}: report the client's game status (30 is goal).
 *
 * @param status the new status
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record StatusUpdatePacket(
        ClientStatus status,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param status the new status
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public StatusUpdatePacket {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param status the new status
     */
    public StatusUpdatePacket(ClientStatus status) {
        this(status, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.STATUS_UPDATE;
    }
}
