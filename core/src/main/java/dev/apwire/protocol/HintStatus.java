package dev.apwire.protocol;

import java.util.List;

/**
 * The status of a hint ({@code Hint.status}, {@code CreateHints.status}, {@code UpdateHint.status}).
 *
 * <p>An open enumeration: any integer is a value; the named constants are the known ones.
 *
 * @param value the wire integer
 */
public record HintStatus(int value) {

    /** No status was set (0). */
    public static final HintStatus UNSPECIFIED = new HintStatus(0);

    /** The receiver does not need the item soon (10). */
    public static final HintStatus NO_PRIORITY = new HintStatus(10);

    /** The receiver would rather not get the item (a trap, for instance) (20). */
    public static final HintStatus AVOID = new HintStatus(20);

    /** The receiver needs the item (30). */
    public static final HintStatus PRIORITY = new HintStatus(30);

    /** The location was checked; the server alone sets this (40). */
    public static final HintStatus FOUND = new HintStatus(40);

    private static final List<HintStatus> KNOWN = List.of(UNSPECIFIED, NO_PRIORITY, AVOID, PRIORITY, FOUND);

    /** {@return the known constants, in ascending order} */
    public static List<HintStatus> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire integer: a known constant when there is one}
     *
     * @param value the wire integer
     */
    public static HintStatus of(int value) {
        for (HintStatus k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        return new HintStatus(value);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** {@return the protocol's name for this value, or {@code "unknown(<value>)"}} */
    public String label() {
        switch (value) {

            case 0:
                return "unspecified";

            case 10:
                return "no priority";

            case 20:
                return "avoid";

            case 30:
                return "priority";

            case 40:
                return "found";

            default:
                return "unknown(" + value + ")";
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
