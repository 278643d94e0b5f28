package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code data} of a {@code DataPackage}: the games' name tables.
 *
 * @param games the games, by name, in wire order
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record DataPackageContents(
        Map<String, GameData> games,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param games the games, by name, in wire order
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public DataPackageContents {
        games = Checks.orderedMap(games);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param games the games, by name, in wire order
     */
    public DataPackageContents(Map<String, GameData> games) {
        this(games, JsonObject.EMPTY);
    }
}
