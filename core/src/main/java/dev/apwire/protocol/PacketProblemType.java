package dev.apwire.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The kind of problem an {@code InvalidPacket} reports.
 *
 * <p>An open enumeration: any string is a value; the named constants are the known ones.
 *
 * @param name the wire string
 */
public record PacketProblemType(String name) {

    /** The {@code cmd} of the faulty command could not be used. */
    public static final PacketProblemType CMD = new PacketProblemType("cmd");

    /** The arguments of the faulty command were wrong. */
    public static final PacketProblemType ARGUMENTS = new PacketProblemType("arguments");

    private static final List<PacketProblemType> KNOWN = List.of(CMD, ARGUMENTS);

    /**
     * Checks the name is present.
     *
     * @param name the wire string
     */
    public PacketProblemType {
        Objects.requireNonNull(name, "name");
    }

    /** {@return the known constants} */
    public static List<PacketProblemType> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire string: a known constant when there is one}
     *
     * @param name the wire string
     */
    public static PacketProblemType of(String name) {
        for (PacketProblemType k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new PacketProblemType(name);
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
