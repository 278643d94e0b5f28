package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.LongList;
import java.util.Objects;

/**
 * {@code LocationChecks}: report checked locations (duplicates and repeats are harmless).
 *
 * @param locations the location ids
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record LocationChecksPacket(
        LongList locations,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param locations the location ids
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public LocationChecksPacket {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param locations the location ids
     */
    public LocationChecksPacket(LongList locations) {
        this(locations, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.LOCATION_CHECKS;
    }
}
