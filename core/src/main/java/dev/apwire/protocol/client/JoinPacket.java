package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * {@code Join} (protocol v2.0): ask to join a room; the first packet on a {@code v2.0} connection.
 *
 * @param id the room identifier
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record JoinPacket(
        String id,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param id the room identifier
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public JoinPacket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param id the room identifier
     */
    public JoinPacket(String id) {
        this(id, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.JOIN;
    }
}
