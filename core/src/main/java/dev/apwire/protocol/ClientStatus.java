package dev.apwire.protocol;

import java.util.List;

/**
 * A client's game status, sent with {@code StatusUpdate}.
 *
 * <p>An open enumeration: any integer is a value; the named constants are the known ones.
 *
 * @param value the wire integer
 */
public record ClientStatus(int value) {

    /** Not connected or not yet reported (0). */
    public static final ClientStatus UNKNOWN = new ClientStatus(0);

    /** Connected; set by the server on the first join (5). */
    public static final ClientStatus CONNECTED = new ClientStatus(5);

    /** Ready to start (10). */
    public static final ClientStatus READY = new ClientStatus(10);

    /** Playing (20). */
    public static final ClientStatus PLAYING = new ClientStatus(20);

    /** Goal completed; final (30). */
    public static final ClientStatus GOAL = new ClientStatus(30);

    private static final List<ClientStatus> KNOWN = List.of(UNKNOWN, CONNECTED, READY, PLAYING, GOAL);

    /** {@return the known constants, in ascending order} */
    public static List<ClientStatus> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire integer: a known constant when there is one}
     *
     * @param value the wire integer
     */
    public static ClientStatus of(int value) {
        for (ClientStatus k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        return new ClientStatus(value);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** {@return the protocol's name for this value, or {@code "unknown(<value>)"}} */
    public String label() {
        switch (value) {

            case 0:
                return "unknown";

            case 5:
                return "connected";

            case 10:
                return "ready";

            case 20:
                return "playing";

            case 30:
                return "goal";

            default:
                return "unknown(" + value + ")";
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
