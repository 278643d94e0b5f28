package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * {@code Say}: a chat message, or a {@code !command} for the server.
 *
 * @param text the text
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record SayPacket(
        String text,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param text the text
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public SayPacket {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param text the text
     */
    public SayPacket(String text) {
        this(text, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.SAY;
    }
}
