package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * A client command this library does not know, kept whole so it can be inspected, relayed or
 * written back unchanged.
 *
 * @param cmd the {@code cmd} string
 * @param extras every other field of the command, in wire order
 */
public record UnknownClientPacket(String cmd, JsonObject extras) implements ClientPacket {

    /**
     * Checks the fields are present.
     *
     * @param cmd the {@code cmd} string
     * @param extras every other field of the command, in wire order
     */
    public UnknownClientPacket {
        Objects.requireNonNull(cmd, "cmd");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.UNKNOWN;
    }
}
