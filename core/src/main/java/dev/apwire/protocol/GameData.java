package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One game's part of the data package: its item and location names and ids, and its checksum.
 *
 * @param itemNameToId the item names and ids ({@code item_name_to_id})
 * @param locationNameToId the location names and ids ({@code location_name_to_id})
 * @param checksum the opaque checksum the cache is keyed by, or {@code null} for old servers
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record GameData(
        NameTable itemNameToId,
        NameTable locationNameToId,
        @Nullable String checksum,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param itemNameToId the item names and ids ({@code item_name_to_id})
     * @param locationNameToId the location names and ids ({@code location_name_to_id})
     * @param checksum the opaque checksum the cache is keyed by, or {@code null} for old servers
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public GameData {
        Objects.requireNonNull(itemNameToId, "itemNameToId");
        Objects.requireNonNull(locationNameToId, "locationNameToId");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param itemNameToId the item names and ids ({@code item_name_to_id})
     * @param locationNameToId the location names and ids ({@code location_name_to_id})
     * @param checksum the opaque checksum the cache is keyed by, or {@code null} for old servers
     */
    public GameData(NameTable itemNameToId, NameTable locationNameToId, @Nullable String checksum) {
        this(itemNameToId, locationNameToId, checksum, JsonObject.EMPTY);
    }
}
