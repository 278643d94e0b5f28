package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.ConnectionRefusedError;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code ConnectionRefused}: the {@code Connect} failed; the connection stays usable for another one.
 *
 * @param errors the reasons, or {@code null} when absent
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record ConnectionRefusedPacket(
        @Nullable List<ConnectionRefusedError> errors,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param errors the reasons, or {@code null} when absent
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public ConnectionRefusedPacket {
        if (errors != null) {
            errors = List.copyOf(errors);
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param errors the reasons, or {@code null} when absent
     */
    public ConnectionRefusedPacket(@Nullable List<ConnectionRefusedError> errors) {
        this(errors, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.CONNECTION_REFUSED;
    }
}
