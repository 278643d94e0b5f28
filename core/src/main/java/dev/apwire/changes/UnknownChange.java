package dev.apwire.changes;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * A change of a type this library does not know (a newer server's), kept whole so a client can
 * ignore it, log it or pass it on unchanged.
 *
 * @param type the {@code type} string
 * @param token the token
 * @param fields every other field of the change, in wire order
 */
public record UnknownChange(String type, String token, JsonObject fields) implements Change {

    /**
     * Checks the fields are present.
     *
     * @param type the {@code type} string
     * @param token the token
     * @param fields every other field of the change, in wire order
     */
    public UnknownChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(fields, "fields");
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.UNKNOWN;
    }
}
