package dev.apwire.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A reason in {@code ConnectionRefused.errors}.
 *
 * <p>An open enumeration: any string is a value; the named constants are the known ones.
 *
 * @param name the wire string
 */
public record ConnectionRefusedError(String name) {

    /** No slot has the name sent. */
    public static final ConnectionRefusedError INVALID_SLOT = new ConnectionRefusedError("InvalidSlot");

    /** The slot plays another game. */
    public static final ConnectionRefusedError INVALID_GAME = new ConnectionRefusedError("InvalidGame");

    /** The client's version is too old (or differs, in strict compatibility mode). */
    public static final ConnectionRefusedError INCOMPATIBLE_VERSION = new ConnectionRefusedError("IncompatibleVersion");

    /** The password is wrong or missing. */
    public static final ConnectionRefusedError INVALID_PASSWORD = new ConnectionRefusedError("InvalidPassword");

    /** The items_handling value has a wrong type or flag combination. */
    public static final ConnectionRefusedError INVALID_ITEMS_HANDLING = new ConnectionRefusedError("InvalidItemsHandling");

    private static final List<ConnectionRefusedError> KNOWN = List.of(INVALID_SLOT, INVALID_GAME, INCOMPATIBLE_VERSION, INVALID_PASSWORD, INVALID_ITEMS_HANDLING);

    /**
     * Checks the name is present.
     *
     * @param name the wire string
     */
    public ConnectionRefusedError {
        Objects.requireNonNull(name, "name");
    }

    /** {@return the known constants} */
    public static List<ConnectionRefusedError> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire string: a known constant when there is one}
     *
     * @param name the wire string
     */
    public static ConnectionRefusedError of(String name) {
        for (ConnectionRefusedError k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new ConnectionRefusedError(name);
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
