package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * A hint ({@code Hint}): where an item for {@code receivingPlayer} lies in {@code findingPlayer}'s world.
 *
 * @param receivingPlayer the slot that receives the item
 * @param findingPlayer the slot whose world holds the location
 * @param location the location id
 * @param item the item id
 * @param found whether the location was checked
 * @param entrance the entrance to the location, or empty
 * @param itemFlags the item flags, as in {@link NetworkItem#flags()}
 * @param status the hint status
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record Hint(
        int receivingPlayer,
        int findingPlayer,
        long location,
        long item,
        boolean found,
        String entrance,
        int itemFlags,
        HintStatus status,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param receivingPlayer the slot that receives the item
     * @param findingPlayer the slot whose world holds the location
     * @param location the location id
     * @param item the item id
     * @param found whether the location was checked
     * @param entrance the entrance to the location, or empty
     * @param itemFlags the item flags, as in {@link NetworkItem#flags()}
     * @param status the hint status
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public Hint {
        Checks.nonNegative(receivingPlayer, "receivingPlayer");
        Checks.nonNegative(findingPlayer, "findingPlayer");
        Checks.id(location, "location");
        Checks.id(item, "item");
        Objects.requireNonNull(entrance, "entrance");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param receivingPlayer the slot that receives the item
     * @param findingPlayer the slot whose world holds the location
     * @param location the location id
     * @param item the item id
     * @param found whether the location was checked
     * @param entrance the entrance to the location, or empty
     * @param itemFlags the item flags, as in {@link NetworkItem#flags()}
     * @param status the hint status
     */
    public Hint(int receivingPlayer, int findingPlayer, long location, long item, boolean found, String entrance, int itemFlags, HintStatus status) {
        this(receivingPlayer, findingPlayer, location, item, found, entrance, itemFlags, status, JsonObject.EMPTY);
    }
}
