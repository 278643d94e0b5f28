package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * {@code Retrieved}: the answer to {@code Get}; missing keys are {@code null}.
 *
 * @param keys each requested key and its value
 * @param extras the Get's other arguments, echoed in order
 */
public record RetrievedPacket(
        JsonObject keys,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param keys each requested key and its value
     * @param extras the Get's other arguments, echoed in order
     */
    public RetrievedPacket {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param keys each requested key and its value
     */
    public RetrievedPacket(JsonObject keys) {
        this(keys, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.RETRIEVED;
    }
}
