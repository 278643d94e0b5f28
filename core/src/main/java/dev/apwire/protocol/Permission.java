package dev.apwire.protocol;

import java.util.List;

/**
 * A room permission for release, collect or remaining, in {@code RoomInfo.permissions}.
 *
 * <p>An open enumeration: any integer is a value; the named constants are the known ones.
 *
 * @param value the wire integer
 */
public record Permission(int value) {

    /** Not allowed (0). */
    public static final Permission DISABLED = new Permission(0);

    /** Allowed at any time (1). */
    public static final Permission ENABLED = new Permission(1);

    /** Allowed after goal completion (2). */
    public static final Permission GOAL = new Permission(2);

    /** Done automatically on goal completion (6). */
    public static final Permission AUTO = new Permission(6);

    /** Automatic on goal, and allowed at any time (7). */
    public static final Permission AUTO_ENABLED = new Permission(7);

    private static final List<Permission> KNOWN = List.of(DISABLED, ENABLED, GOAL, AUTO, AUTO_ENABLED);

    /** {@return the known constants, in ascending order} */
    public static List<Permission> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire integer: a known constant when there is one}
     *
     * @param value the wire integer
     */
    public static Permission of(int value) {
        for (Permission k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        return new Permission(value);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** {@return the protocol's name for this value, or {@code "unknown(<value>)"}} */
    public String label() {
        switch (value) {

            case 0:
                return "disabled";

            case 1:
                return "enabled";

            case 2:
                return "goal";

            case 6:
                return "auto";

            case 7:
                return "auto-enabled";

            default:
                return "unknown(" + value + ")";
        }
    }

    /**
     * {@return the permission for a room option text, as the reference server reads it}
     *
     * <p>A text containing {@code auto} gives 6 (7 if it also contains {@code enabled}); {@code goal}
     * gives 2; {@code enabled} gives 1; anything else 0.
     *
     * @param text the option text, such as {@code "auto-enabled"}
     */
    public static Permission fromText(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("auto")) {
            return t.contains("enabled") ? AUTO_ENABLED : AUTO;
        }
        if (t.contains("goal")) {
            return GOAL;
        }
        return t.contains("enabled") ? ENABLED : DISABLED;
    }

    @Override
    public String toString() {
        return label();
    }
}
