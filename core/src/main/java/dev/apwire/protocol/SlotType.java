package dev.apwire.protocol;

import java.util.List;

/**
 * The kind of a slot in {@code NetworkSlot.type} (bit flags on the wire: 0b01 player, 0b10 group).
 *
 * <p>An open enumeration: any integer is a value; the named constants are the known ones.
 *
 * @param value the wire integer
 */
public record SlotType(int value) {

    /** A spectator slot (0). */
    public static final SlotType SPECTATOR = new SlotType(0);

    /** A player slot (1). */
    public static final SlotType PLAYER = new SlotType(1);

    /** An item-link group slot (2). */
    public static final SlotType GROUP = new SlotType(2);

    private static final List<SlotType> KNOWN = List.of(SPECTATOR, PLAYER, GROUP);

    /** {@return the known constants, in ascending order} */
    public static List<SlotType> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire integer: a known constant when there is one}
     *
     * @param value the wire integer
     */
    public static SlotType of(int value) {
        for (SlotType k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        return new SlotType(value);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** {@return the protocol's name for this value, or {@code "unknown(<value>)"}} */
    public String label() {
        switch (value) {

            case 0:
                return "spectator";

            case 1:
                return "player";

            case 2:
                return "group";

            default:
                return "unknown(" + value + ")";
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
