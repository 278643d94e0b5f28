package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * A server command this library does not know, kept whole so it can be inspected, relayed or
 * written back unchanged.
 *
 * @param cmd the {@code cmd} string
 * @param extras every other field of the command, in wire order
 */
public record UnknownServerPacket(String cmd, JsonObject extras) implements ServerPacket {

    /**
     * Checks the fields are present.
     *
     * @param cmd the {@code cmd} string
     * @param extras every other field of the command, in wire order
     */
    public UnknownServerPacket {
        Objects.requireNonNull(cmd, "cmd");
        Objects.requireNonNull(extras, "extras");
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.UNKNOWN;
    }
}
