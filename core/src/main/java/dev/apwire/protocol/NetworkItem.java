package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * An item in a location ({@code NetworkItem}). In {@code LocationInfo} {@code player} is the receiving slot; elsewhere it is the slot whose world holds the location.
 *
 * @param item the item id, within &plusmn;(2<sup>53</sup>&minus;1)
 * @param location the location id, within &plusmn;(2<sup>53</sup>&minus;1) (-2 for starting inventory)
 * @param player the slot number, &gt;= 0 (0 is the server)
 * @param flags the item flags: {@link #PROGRESSION}, {@link #USEFUL}, {@link #TRAP}
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record NetworkItem(
        long item,
        long location,
        int player,
        int flags,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param item the item id, within &plusmn;(2<sup>53</sup>&minus;1)
     * @param location the location id, within &plusmn;(2<sup>53</sup>&minus;1) (-2 for starting inventory)
     * @param player the slot number, &gt;= 0 (0 is the server)
     * @param flags the item flags: {@link #PROGRESSION}, {@link #USEFUL}, {@link #TRAP}
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public NetworkItem {
        Checks.id(item, "item");
        Checks.id(location, "location");
        Checks.nonNegative(player, "player");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param item the item id, within &plusmn;(2<sup>53</sup>&minus;1)
     * @param location the location id, within &plusmn;(2<sup>53</sup>&minus;1) (-2 for starting inventory)
     * @param player the slot number, &gt;= 0 (0 is the server)
     * @param flags the item flags: {@link #PROGRESSION}, {@link #USEFUL}, {@link #TRAP}
     */
    public NetworkItem(long item, long location, int player, int flags) {
        this(item, location, player, flags, JsonObject.EMPTY);
    }

    /** Flag: the item can unlock logical advancement. */
    public static final int PROGRESSION = 0b001;
    /** Flag: the item is important but does not unlock advancement. */
    public static final int USEFUL = 0b010;
    /** Flag: the item is a trap. */
    public static final int TRAP = 0b100;

    /** {@return whether the progression flag is set} */
    public boolean isProgression() {
        return (flags & PROGRESSION) != 0;
    }

    /** {@return whether the useful flag is set} */
    public boolean isUseful() {
        return (flags & USEFUL) != 0;
    }

    /** {@return whether the trap flag is set} */
    public boolean isTrap() {
        return (flags & TRAP) != 0;
    }
}
