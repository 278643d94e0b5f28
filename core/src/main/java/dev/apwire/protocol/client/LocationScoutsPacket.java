package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.LongList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code LocationScouts}: ask what lies in locations, optionally creating hints.
 *
 * @param locations the location ids
 * @param createAsHint 0 or absent: no hint; 1: create and broadcast hints; 2: broadcast only new ones
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record LocationScoutsPacket(
        LongList locations,
        @Nullable Integer createAsHint,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param locations the location ids
     * @param createAsHint 0 or absent: no hint; 1: create and broadcast hints; 2: broadcast only new ones
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public LocationScoutsPacket {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param locations the location ids
     * @param createAsHint 0 or absent: no hint; 1: create and broadcast hints; 2: broadcast only new ones
     */
    public LocationScoutsPacket(LongList locations, @Nullable Integer createAsHint) {
        this(locations, createAsHint, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.LOCATION_SCOUTS;
    }
}
