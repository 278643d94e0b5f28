package dev.apwire.changes;

import org.jspecify.annotations.Nullable;

/** The kinds of change in a {@code changes} packet; the wire names are written here once. */
public enum ChangeKind {
    /** {@code open}: a connection with this token is now open. */
    OPEN("open"),
    /** {@code close}: the connection with this token closed; forget everything about it. */
    CLOSE("close"),
    /** {@code metadata}: sent only to the token's own connection, it tells a newcomer its token. */
    METADATA("metadata"),
    /** {@code properties}: the complete current properties of the token, replacing the previous ones. */
    PROPERTIES("properties"),
    /** A type this library does not know; see {@link UnknownChange}. */
    UNKNOWN("");

    private final String wireName;

    ChangeKind(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the name on the wire} */
    public String wireName() {
        return wireName;
    }

    /**
     * {@return the kind with a wire name, or {@code null} when there is none}
     *
     * @param wireName the name on the wire
     */
    public static @Nullable ChangeKind fromWire(String wireName) {
        for (ChangeKind k : values()) {
            if (k != UNKNOWN && k.wireName.equals(wireName)) {
                return k;
            }
        }
        return null;
    }
}
