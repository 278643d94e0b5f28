package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.DataPackageContents;
import java.util.Objects;

/**
 * {@code DataPackage}: the name tables of the games asked for.
 *
 * @param data the contents
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record DataPackagePacket(
        DataPackageContents data,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param data the contents
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public DataPackagePacket {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param data the contents
     */
    public DataPackagePacket(DataPackageContents data) {
        this(data, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.DATA_PACKAGE;
    }
}
