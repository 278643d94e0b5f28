package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.PacketProblemType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code InvalidPacket}: the server rejected a command.
 *
 * @param type what was wrong: the {@code cmd} or the arguments
 * @param originalCmd the {@code cmd} of the faulty command, or {@code null} when it could not be read
 * @param text a description naming the field and the rule
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record InvalidPacket(
        PacketProblemType type,
        @Nullable String originalCmd,
        String text,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param type what was wrong: the {@code cmd} or the arguments
     * @param originalCmd the {@code cmd} of the faulty command, or {@code null} when it could not be read
     * @param text a description naming the field and the rule
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public InvalidPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param type what was wrong: the {@code cmd} or the arguments
     * @param originalCmd the {@code cmd} of the faulty command, or {@code null} when it could not be read
     * @param text a description naming the field and the rule
     */
    public InvalidPacket(PacketProblemType type, @Nullable String originalCmd, String text) {
        this(type, originalCmd, text, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.INVALID_PACKET;
    }
}
