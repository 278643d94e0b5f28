package dev.apwire.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The type of a {@code JSONMessagePart}.
 *
 * <p>An open enumeration: any string is a value; the named constants are the known ones.
 *
 * @param name the wire string
 */
public record JsonMessagePartType(String name) {

    /** Plain text. */
    public static final JsonMessagePartType TEXT = new JsonMessagePartType("text");

    /** A player slot number, to be shown as the player's name. */
    public static final JsonMessagePartType PLAYER_ID = new JsonMessagePartType("player_id");

    /** A player name. */
    public static final JsonMessagePartType PLAYER_NAME = new JsonMessagePartType("player_name");

    /** An item id, to be shown as the item's name. */
    public static final JsonMessagePartType ITEM_ID = new JsonMessagePartType("item_id");

    /** An item name. */
    public static final JsonMessagePartType ITEM_NAME = new JsonMessagePartType("item_name");

    /** A location id, to be shown as the location's name. */
    public static final JsonMessagePartType LOCATION_ID = new JsonMessagePartType("location_id");

    /** A location name. */
    public static final JsonMessagePartType LOCATION_NAME = new JsonMessagePartType("location_name");

    /** An entrance name. */
    public static final JsonMessagePartType ENTRANCE_NAME = new JsonMessagePartType("entrance_name");

    /** A hint status text, with {@code hint_status}. */
    public static final JsonMessagePartType HINT_STATUS = new JsonMessagePartType("hint_status");

    /** Coloured text, with {@code color}. */
    public static final JsonMessagePartType COLOR = new JsonMessagePartType("color");

    private static final List<JsonMessagePartType> KNOWN = List.of(TEXT, PLAYER_ID, PLAYER_NAME, ITEM_ID, ITEM_NAME, LOCATION_ID, LOCATION_NAME, ENTRANCE_NAME, HINT_STATUS, COLOR);

    /**
     * Checks the name is present.
     *
     * @param name the wire string
     */
    public JsonMessagePartType {
        Objects.requireNonNull(name, "name");
    }

    /** {@return the known constants} */
    public static List<JsonMessagePartType> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire string: a known constant when there is one}
     *
     * @param name the wire string
     */
    public static JsonMessagePartType of(String name) {
        for (JsonMessagePartType k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new JsonMessagePartType(name);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
