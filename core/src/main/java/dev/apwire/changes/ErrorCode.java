package dev.apwire.changes;

/**
 * The codes of the hub's {@code error} packets, {@code {"from": "server", "type": "error", "data": {"code":
 * CODE, "message": TEXT, ...}}}, with whether the hub also closes the connection. The wire names are written
 * here once.
 */
public enum ErrorCode {
    /** The frame is not JSON (or breaks a depth, number or string limit); the connection is closed. */
    MALFORMED_FRAME("malformed_frame", true),
    /** The frame is larger than the codec's frame limit; the connection is closed. */
    FRAME_TOO_LARGE("frame_too_large", true),
    /** The JSON is not a packet: not an object, {@code to} or {@code type} missing or of the wrong type, a
     * {@code from} field, a {@code type} that is too long. */
    BAD_PACKET("bad_packet", false),
    /** A packet to {@code "server"} whose type the server does not handle (only {@code changes}). */
    UNKNOWN_TYPE("unknown_type", false),
    /** A packet to peers whose type is one of the server's own ({@code changes}, {@code error},
     * {@code metadata}); nothing is relayed. */
    RESERVED_TYPE("reserved_type", false),
    /** More entries in {@code to} than {@link HubConfig#maxRecipients()}; nothing is relayed. */
    TOO_MANY_RECIPIENTS("too_many_recipients", false),
    /** Some tokens in {@code to} are not open; the packet still went to the open ones, and the error's
     * {@code tokens} member lists the others. */
    UNKNOWN_RECIPIENT("unknown_recipient", false),
    /** A properties update would leave more than {@link HubConfig#maxProperties()} properties, or the hub's
     * properties would take more than {@link HubConfig#maxSnapshotBytes()}; nothing changed. */
    TOO_MANY_PROPERTIES("too_many_properties", false),
    /** A properties update has a bad key or value (see the package documentation); nothing changed. */
    BAD_PROPERTY("bad_property", false),
    /** {@link HubConfig#maxTokens()} connections are open already; the newcomer is closed. */
    HUB_FULL("hub_full", true);

    /** The {@code type} of error packets. */
    public static final String PACKET_TYPE = "error";

    private final String wireName;
    private final boolean closes;

    ErrorCode(String wireName, boolean closes) {
        this.wireName = wireName;
        this.closes = closes;
    }

    /** {@return the code on the wire} */
    public String wireName() {
        return wireName;
    }

    /** {@return whether the hub closes the connection after sending this error} */
    public boolean closesConnection() {
        return closes;
    }
}
