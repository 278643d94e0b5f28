package dev.apwire.changes;

import java.util.Objects;

/**
 * {@code {"type": "close", "token": T}}: the connection with this token closed.
 *
 * @param token the token
 */
public record CloseChange(String token) implements Change {

    /**
     * Checks the token is present.
     *
     * @param token the token
     */
    public CloseChange {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.CLOSE;
    }
}
