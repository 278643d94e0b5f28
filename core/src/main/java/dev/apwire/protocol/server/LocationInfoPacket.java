package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.NetworkItem;
import java.util.List;
import java.util.Objects;

/**
 * {@code LocationInfo}: the answer to {@code LocationScouts}; each item's {@code player} is the receiving slot.
 *
 * @param locations the scouted items, in request order
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record LocationInfoPacket(
        List<NetworkItem> locations,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param locations the scouted items, in request order
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public LocationInfoPacket {
        locations = List.copyOf(locations);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param locations the scouted items, in request order
     */
    public LocationInfoPacket(List<NetworkItem> locations) {
        this(locations, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.LOCATION_INFO;
    }
}
